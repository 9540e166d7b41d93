/**
 * Custody until confiscation, and roles as sets.
 *
 * - user_roles: a user may hold several roles; every existing user keeps the role it had. users.role
 *   stays as written by older builds (SQLite cannot drop a column other tables' keys depend on) but
 *   is no longer read for permissions.
 * - ledger_movements gains the kinds 'confiscation' and 'release', the 'transfer' disposal method, the
 *   penalty decision's date and the released delta. SQLite cannot change a CHECK in place, so the
 *   table is rebuilt: renamed away (which also moves its self-reference), created anew, copied in
 *   seq order (a reversal always follows its target), and the old copy dropped.
 * - ledger_balances gains released_kg and the bucket's confiscated flag, backfilled from the legal
 *   status on the handovers the coal was received from.
 * - case_confiscations: the penalty decision behind each case's confiscation (行政处罚法 art.74);
 *   confiscation_notices: signed notices sent to (outgoing) or imported at (incoming) a disposal point.
 */
export default /* sql */ `
CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('kiosk','officer','disposal','supervisor','admin')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
INSERT INTO user_roles (user_id, role) SELECT id, role FROM users;

ALTER TABLE ledger_movements RENAME TO ledger_movements_v13;
CREATE TABLE ledger_movements (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('receipt','disposal','stock-take','reversal','confiscation','release')),
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
  -- 'return' only in rows written before releases were their own kind.
  method TEXT CHECK (method IN ('blending','sale','auction','return','destruction','transfer')),
  authority_ref TEXT,
  counterparty TEXT,
  proceeds_fen INTEGER CHECK (proceeds_fen >= 0),
  treasury_remittance_ref TEXT,
  book_kg INTEGER,
  physical_kg INTEGER,
  variance_reason TEXT,
  reverses_id TEXT UNIQUE REFERENCES ledger_movements(id),
  reason TEXT,
  -- Receipt of confiscated coal or a confiscation: authority_ref holds the penalty decision number.
  confiscates INTEGER NOT NULL DEFAULT 0 CHECK (confiscates IN (0, 1)),
  decision_date TEXT,
  notice_id INTEGER,
  received_delta_kg INTEGER NOT NULL DEFAULT 0,
  disposed_delta_kg INTEGER NOT NULL DEFAULT 0,
  released_delta_kg INTEGER NOT NULL DEFAULT 0,
  gain_delta_kg INTEGER NOT NULL DEFAULT 0,
  loss_delta_kg INTEGER NOT NULL DEFAULT 0,
  balance_delta_kg INTEGER NOT NULL,
  proceeds_delta_fen INTEGER NOT NULL DEFAULT 0
);
INSERT INTO ledger_movements (seq, id, kind, at, point_id, case_ref, coal_kind, operator_id, operator_name, handover_id, handover_form_no,
  handed_over_kg, quantity_kg, difference_reason, method, authority_ref, counterparty, proceeds_fen, treasury_remittance_ref, book_kg,
  physical_kg, variance_reason, reverses_id, reason, received_delta_kg, disposed_delta_kg, gain_delta_kg, loss_delta_kg, balance_delta_kg,
  proceeds_delta_fen)
SELECT seq, id, kind, at, point_id, case_ref, coal_kind, operator_id, operator_name, handover_id, handover_form_no,
  handed_over_kg, quantity_kg, difference_reason, method, authority_ref, counterparty, proceeds_fen, treasury_remittance_ref, book_kg,
  physical_kg, variance_reason, reverses_id, reason, received_delta_kg, disposed_delta_kg, gain_delta_kg, loss_delta_kg, balance_delta_kg,
  proceeds_delta_fen
FROM ledger_movements_v13 ORDER BY seq;
DROP TABLE ledger_movements_v13;

-- Receipts from handovers that said the coal was already confiscated.
UPDATE ledger_movements SET confiscates = 1
WHERE kind = 'receipt' AND EXISTS (
  SELECT 1 FROM handovers h, json_each(h.record_json, '$.cases') c
  WHERE h.id = ledger_movements.handover_id AND json_extract(c.value, '$.caseId') = ledger_movements.case_ref
    AND json_extract(c.value, '$.legalStatus') = 'confiscated');

CREATE INDEX ledger_movements_bucket ON ledger_movements(point_id, case_ref, coal_kind);
CREATE INDEX ledger_movements_at ON ledger_movements(at);
CREATE TRIGGER ledger_movements_no_update BEFORE UPDATE ON ledger_movements BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: enter a reversal'); END;
CREATE TRIGGER ledger_movements_no_delete BEFORE DELETE ON ledger_movements BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: enter a reversal'); END;

ALTER TABLE ledger_balances ADD COLUMN released_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_balances ADD COLUMN confiscated INTEGER NOT NULL DEFAULT 0;
UPDATE ledger_balances SET confiscated = 1 WHERE EXISTS (
  SELECT 1 FROM ledger_movements m WHERE m.confiscates = 1 AND m.point_id = ledger_balances.point_id
    AND m.case_ref = ledger_balances.case_ref AND m.coal_kind = ledger_balances.coal_kind);

-- Once confiscated, a bucket stays confiscated (MAX), whatever is reversed later.
CREATE TRIGGER ledger_movements_running_balance AFTER INSERT ON ledger_movements BEGIN
  INSERT INTO ledger_balances (point_id, case_ref, coal_kind, received_kg, disposed_kg, gain_kg, loss_kg, balance_kg, proceeds_fen, released_kg, confiscated)
  VALUES (NEW.point_id, NEW.case_ref, NEW.coal_kind, NEW.received_delta_kg, NEW.disposed_delta_kg, NEW.gain_delta_kg, NEW.loss_delta_kg,
          NEW.balance_delta_kg, NEW.proceeds_delta_fen, NEW.released_delta_kg, NEW.confiscates)
  ON CONFLICT (point_id, case_ref, coal_kind) DO UPDATE SET
    received_kg = received_kg + excluded.received_kg,
    disposed_kg = disposed_kg + excluded.disposed_kg,
    gain_kg = gain_kg + excluded.gain_kg,
    loss_kg = loss_kg + excluded.loss_kg,
    balance_kg = balance_kg + excluded.balance_kg,
    proceeds_fen = proceeds_fen + excluded.proceeds_fen,
    released_kg = released_kg + excluded.released_kg,
    confiscated = MAX(confiscated, excluded.confiscated);
END;

CREATE TABLE case_confiscations (
  case_id INTEGER PRIMARY KEY REFERENCES enforcement_cases(id),
  penalty_decision_no TEXT NOT NULL,
  penalty_decision_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE TRIGGER case_confiscations_no_update BEFORE UPDATE ON case_confiscations BEGIN SELECT RAISE(ABORT, 'a confiscation is not edited'); END;
CREATE TRIGGER case_confiscations_no_delete BEFORE DELETE ON case_confiscations BEGIN SELECT RAISE(ABORT, 'a confiscation is not deleted'); END;

CREATE TABLE confiscation_notices (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('outgoing','incoming')),
  case_ref TEXT NOT NULL,
  disposal_point_code TEXT NOT NULL,
  penalty_decision_no TEXT NOT NULL,
  penalty_decision_date TEXT NOT NULL,
  record_json TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  signature_qr_text TEXT,
  signed_file_text TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at TEXT NOT NULL,
  UNIQUE (uid, direction)
);
CREATE TRIGGER confiscation_notices_no_update BEFORE UPDATE ON confiscation_notices BEGIN SELECT RAISE(ABORT, 'notices are append-only'); END;
CREATE TRIGGER confiscation_notices_no_delete BEFORE DELETE ON confiscation_notices BEGIN SELECT RAISE(ABORT, 'notices are append-only'); END;
`;
