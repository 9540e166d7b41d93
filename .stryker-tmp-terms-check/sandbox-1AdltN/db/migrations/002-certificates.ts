/**
 * Certificate checks stored with the registration, the data they were made with (recognised labs,
 * imported limits tables, policy activations), supervisor overrides, follow-up samples and the
 * scanned reports (质检报告专管档案). Checks, overrides and imports are written once and never edited,
 * so a stored verdict always shows what was decided with the data in force at the time.
 */
// @ts-nocheck

export default /* sql */ `
CREATE TABLE recognised_labs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  cma_number TEXT,
  valid_until TEXT,
  added_at TEXT NOT NULL,
  added_by INTEGER NOT NULL REFERENCES users(id)
);

-- An administrator's limits table; the one in force on a date is the latest with effective_from <= date.
CREATE TABLE limits_imports (
  id INTEGER PRIMARY KEY,
  version TEXT NOT NULL UNIQUE,
  table_json TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX limits_imports_effective ON limits_imports(effective_from, id);

-- A policy chosen (shipped or imported) from a date; the one in force is chosen the same way.
CREATE TABLE policy_activations (
  id INTEGER PRIMARY KEY,
  policy_id TEXT NOT NULL,
  version TEXT NOT NULL,
  policy_json TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  activated_at TEXT NOT NULL,
  activated_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX policy_activations_effective ON policy_activations(effective_from, id);

CREATE TABLE certificate_checks (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  report_number TEXT,
  lab TEXT,
  cma_number TEXT,
  sample_origin TEXT CHECK (sample_origin IN ('client','lab')),
  sampled_on TEXT,
  reported_on TEXT,
  -- The whole input as checked (truck facts and previous uses included), so it can be re-checked.
  input_json TEXT NOT NULL,
  results_json TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('pass','fail','incomplete','invalid')),
  outcome TEXT NOT NULL CHECK (outcome IN ('release','sample','seize','turn-back')),
  provisional INTEGER NOT NULL,
  checked_json TEXT NOT NULL,
  items_json TEXT NOT NULL,
  missing_json TEXT NOT NULL,
  signals_json TEXT NOT NULL,
  reasons_json TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  limits_version TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  checked_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX certificate_checks_registration ON certificate_checks(registration_id, id);
CREATE INDEX certificate_checks_report_number ON certificate_checks(report_number) WHERE report_number IS NOT NULL;

CREATE TABLE certificate_overrides (
  id INTEGER PRIMARY KEY,
  check_id INTEGER NOT NULL REFERENCES certificate_checks(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('release','sample','seize','turn-back')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  overridden_at TEXT NOT NULL,
  overridden_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX certificate_overrides_check ON certificate_overrides(check_id, id);

-- A sample taken at the checkpoint; its lab result is filled in once, later. The original report is never touched.
CREATE TABLE follow_up_samples (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  check_id INTEGER REFERENCES certificate_checks(id),
  sample_number TEXT NOT NULL UNIQUE,
  lab TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  taken_by INTEGER NOT NULL REFERENCES users(id),
  result_report_number TEXT,
  result_json TEXT,
  result_verdict TEXT CHECK (result_verdict IN ('pass','fail','incomplete','invalid')),
  result_check_json TEXT,
  result_at TEXT,
  result_by INTEGER REFERENCES users(id)
);
CREATE INDEX follow_up_samples_registration ON follow_up_samples(registration_id);

-- Files live in <dbdir>/attachments/<sha256>; the same content is stored once however often it is attached.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  mime TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  file_name TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (registration_id, sha256)
);
CREATE INDEX attachments_sha256 ON attachments(sha256);
`;
