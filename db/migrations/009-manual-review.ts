/**
 * 人工核验: a check may propose `review` (an officer decides, e.g. when the applicable standard is not
 * loaded), and the officer's decision is stored once beside the check with its reason. SQLite cannot alter
 * a CHECK constraint, so the three tables that name the outcome or point at a check are rebuilt with the
 * same columns in the same order (the audit entries of their rows stay byte-identical); children are
 * rebuilt before their parent is dropped so that no foreign key is ever left dangling.
 */
export default /* sql */ `
CREATE TABLE certificate_checks_009 (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  report_number TEXT,
  lab TEXT,
  cma_number TEXT,
  sample_origin TEXT CHECK (sample_origin IN ('client','lab')),
  sampled_on TEXT,
  reported_on TEXT,
  input_json TEXT NOT NULL,
  results_json TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('pass','fail','incomplete','invalid')),
  outcome TEXT NOT NULL CHECK (outcome IN ('release','sample','seize','turn-back','review')),
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
INSERT INTO certificate_checks_009 SELECT * FROM certificate_checks;

-- An override is a decision: it never sets "review" again.
CREATE TABLE certificate_overrides_009 (
  id INTEGER PRIMARY KEY,
  check_id INTEGER NOT NULL REFERENCES certificate_checks_009(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('release','sample','seize','turn-back')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  overridden_at TEXT NOT NULL,
  overridden_by INTEGER NOT NULL REFERENCES users(id)
);
INSERT INTO certificate_overrides_009 SELECT * FROM certificate_overrides;

CREATE TABLE follow_up_samples_009 (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  check_id INTEGER REFERENCES certificate_checks_009(id),
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
INSERT INTO follow_up_samples_009 SELECT * FROM follow_up_samples;

DROP TABLE follow_up_samples;
DROP TABLE certificate_overrides;
DROP TABLE certificate_checks;
ALTER TABLE certificate_checks_009 RENAME TO certificate_checks;
ALTER TABLE certificate_overrides_009 RENAME TO certificate_overrides;
ALTER TABLE follow_up_samples_009 RENAME TO follow_up_samples;
CREATE INDEX certificate_checks_registration ON certificate_checks(registration_id, id);
CREATE INDEX certificate_checks_report_number ON certificate_checks(report_number) WHERE report_number IS NOT NULL;
CREATE INDEX certificate_overrides_check ON certificate_overrides(check_id, id);
CREATE INDEX follow_up_samples_registration ON follow_up_samples(registration_id);

-- The officer's decision on a check that proposed review: one per check, written once, with its reason.
CREATE TABLE certificate_reviews (
  id INTEGER PRIMARY KEY,
  check_id INTEGER NOT NULL UNIQUE REFERENCES certificate_checks(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('release','sample','seize','turn-back')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  decided_at TEXT NOT NULL,
  decided_by INTEGER NOT NULL REFERENCES users(id)
);
`;
