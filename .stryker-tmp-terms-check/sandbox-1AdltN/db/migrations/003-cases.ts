/**
 * Enforcement cases (查封扣押案件): document settings, disposal points, cases and their append-only
 * events, document numbers (never reused, voided with a reason), printed documents and the print
 * queue, signed handovers, the disposal-point ledger and the checkpoint's signing keys.
 * Weights are integer kg, money integer fen. Append-only tables refuse UPDATE/DELETE by trigger.
 */
// @ts-nocheck

export default /* sql */ `
-- One row: what the printed documents need to name (issuing agency, remedy bodies, number patterns).
CREATE TABLE document_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  agency_name TEXT NOT NULL,
  agency_address TEXT NOT NULL DEFAULT '',
  agency_phone TEXT NOT NULL DEFAULT '',
  seal_text TEXT NOT NULL DEFAULT '',
  review_government TEXT NOT NULL,
  review_superior_department TEXT NOT NULL DEFAULT '',
  court TEXT NOT NULL,
  -- JSON object: document kind -> pattern such as 冀承市监强〔{year}〕第{seq:4}号.
  number_patterns_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE disposal_points (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE enforcement_cases (
  id INTEGER PRIMARY KEY,
  case_number TEXT NOT NULL UNIQUE,
  -- Null for coal found elsewhere than at the weighbridge.
  registration_id INTEGER UNIQUE REFERENCES registrations(id),
  phase TEXT NOT NULL CHECK (phase IN ('draft','seized','extended','released','confiscated','destroyed','handed-over')),
  -- The case record as edited while in draft (parties, items, officers, approval, witness…).
  record_json TEXT NOT NULL,
  custody_point_id INTEGER REFERENCES disposal_points(id),
  net_kg INTEGER NOT NULL CHECK (net_kg >= 0),
  plate TEXT,
  -- Certificate-check verdict carried over from the registration, when there was one.
  finding_json TEXT,
  decision_date TEXT,
  decided_by INTEGER REFERENCES users(id),
  testing_json TEXT NOT NULL DEFAULT '[]',
  extension_json TEXT,
  release_json TEXT,
  outcome_date TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX enforcement_cases_phase ON enforcement_cases(phase);

-- Append-only history of each case; seq counts per case from 1.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES enforcement_cases(id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  event_date TEXT NOT NULL,
  phase_after TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  at TEXT NOT NULL,
  UNIQUE (case_id, seq)
);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

-- Every number ever issued, per document kind and year; a voided number stays, with its reason.
CREATE TABLE document_numbers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  number TEXT NOT NULL UNIQUE,
  case_id INTEGER REFERENCES enforcement_cases(id),
  handover_id INTEGER,
  issued_by INTEGER REFERENCES users(id),
  issued_at TEXT NOT NULL,
  void_reason TEXT,
  voided_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  UNIQUE (kind, year, seq)
);
CREATE INDEX document_numbers_case ON document_numbers(case_id, kind);
CREATE TRIGGER document_numbers_no_delete BEFORE DELETE ON document_numbers BEGIN SELECT RAISE(ABORT, 'document numbers are never deleted'); END;
-- Only voiding may change a number, once.
CREATE TRIGGER document_numbers_void_only BEFORE UPDATE ON document_numbers
WHEN OLD.void_reason IS NOT NULL OR NEW.kind IS NOT OLD.kind OR NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq
  OR NEW.number IS NOT OLD.number OR NEW.case_id IS NOT OLD.case_id OR NEW.issued_at IS NOT OLD.issued_at
  OR NEW.void_reason IS NULL OR trim(NEW.void_reason) = ''
BEGIN SELECT RAISE(ABORT, 'a document number can only be voided, once, with a reason'); END;

-- A document as first printed: its data is kept so every later print (副本) has the same content hash.
CREATE TABLE printed_documents (
  id INTEGER PRIMARY KEY,
  number_id INTEGER NOT NULL UNIQUE REFERENCES document_numbers(id),
  case_id INTEGER NOT NULL REFERENCES enforcement_cases(id),
  kind TEXT NOT NULL,
  document_number TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  data_json TEXT NOT NULL,
  print_count INTEGER NOT NULL DEFAULT 0,
  first_printed_by INTEGER REFERENCES users(id),
  first_printed_at TEXT NOT NULL
);
CREATE INDEX printed_documents_hash ON printed_documents(content_hash);

-- One row per print: the first is the original, later ones are stamped 副本 with who and when.
CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES printed_documents(id),
  copy TEXT NOT NULL CHECK (copy IN ('original','reprint')),
  printed_by INTEGER REFERENCES users(id),
  printed_by_name TEXT NOT NULL,
  printed_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','printed','failed')),
  error TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX print_jobs_status ON print_jobs(status) WHERE status <> 'printed';

-- Handovers signed here (outgoing) and imported here (incoming); uid is the signed record's id.
CREATE TABLE handovers (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('outgoing','incoming')),
  form_no TEXT NOT NULL,
  checkpoint_id TEXT NOT NULL,
  disposal_point_code TEXT NOT NULL,
  handed_over_at TEXT NOT NULL,
  receiver_name TEXT NOT NULL DEFAULT '',
  record_json TEXT NOT NULL,
  total_kg INTEGER NOT NULL CHECK (total_kg > 0),
  content_hash TEXT NOT NULL,
  signature_qr_text TEXT,
  signed_file_text TEXT NOT NULL,
  imported_from TEXT CHECK (imported_from IN ('qr','file')),
  recorded_by INTEGER REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (uid, direction)
);
CREATE TABLE handover_cases (
  handover_id INTEGER NOT NULL REFERENCES handovers(id),
  case_ref TEXT NOT NULL,
  coal_kind TEXT NOT NULL,
  quantity_kg INTEGER NOT NULL CHECK (quantity_kg > 0),
  PRIMARY KEY (handover_id, case_ref, coal_kind)
);
CREATE INDEX handover_cases_case ON handover_cases(case_ref);
CREATE TRIGGER handovers_no_update BEFORE UPDATE ON handovers BEGIN SELECT RAISE(ABORT, 'handovers are append-only'); END;
CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers BEGIN SELECT RAISE(ABORT, 'handovers are append-only'); END;

-- Disposal-point ledger: receipts, disposals, stock-takes, reversals. The *_delta columns hold each
-- row's effect (a reversal holds the negated effect of the row it cancels), so balances are sums.
CREATE TABLE ledger_movements (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('receipt','disposal','stock-take','reversal')),
  at TEXT NOT NULL,
  point_id INTEGER NOT NULL REFERENCES disposal_points(id),
  case_ref TEXT NOT NULL,
  coal_kind TEXT NOT NULL,
  operator_id INTEGER REFERENCES users(id),
  operator_name TEXT NOT NULL,
  handover_id INTEGER REFERENCES handovers(id),
  handover_form_no TEXT,
  handed_over_kg INTEGER,
  quantity_kg INTEGER,
  difference_reason TEXT,
  method TEXT CHECK (method IN ('blending','sale','auction','return','destruction')),
  authority_ref TEXT,
  counterparty TEXT,
  proceeds_fen INTEGER CHECK (proceeds_fen >= 0),
  treasury_remittance_ref TEXT,
  book_kg INTEGER,
  physical_kg INTEGER,
  variance_reason TEXT,
  reverses_id TEXT UNIQUE REFERENCES ledger_movements(id),
  reason TEXT,
  received_delta_kg INTEGER NOT NULL DEFAULT 0,
  disposed_delta_kg INTEGER NOT NULL DEFAULT 0,
  gain_delta_kg INTEGER NOT NULL DEFAULT 0,
  loss_delta_kg INTEGER NOT NULL DEFAULT 0,
  balance_delta_kg INTEGER NOT NULL,
  proceeds_delta_fen INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ledger_movements_bucket ON ledger_movements(point_id, case_ref, coal_kind);
CREATE INDEX ledger_movements_at ON ledger_movements(at);
CREATE TRIGGER ledger_movements_no_update BEFORE UPDATE ON ledger_movements BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: enter a reversal'); END;
CREATE TRIGGER ledger_movements_no_delete BEFORE DELETE ON ledger_movements BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: enter a reversal'); END;

-- This checkpoint's Ed25519 key pair: the private key never leaves this database.
CREATE TABLE checkpoint_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checkpoint_id TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  private_key_pem TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Public keys of checkpoints whose handovers this disposal point imports.
CREATE TABLE trusted_checkpoints (
  checkpoint_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  registered_by INTEGER REFERENCES users(id),
  registered_at TEXT NOT NULL
);
`;
