/**
 * Running totals per disposal point, case and coal kind, kept by a trigger in the same statement as each
 * ledger movement: a balance is a lookup instead of a sum over every movement, and a negative stock is
 * refused even for a writer that bypasses the service. (Triggers, not a CHECK: SQLite checks CHECK
 * constraints on the proposed row before an upsert resolves the conflict, so a CHECK would refuse every
 * negative delta.)
 */
// @ts-nocheck

export default /* sql */ `
CREATE TABLE ledger_balances (
  point_id INTEGER NOT NULL REFERENCES disposal_points(id),
  case_ref TEXT NOT NULL,
  coal_kind TEXT NOT NULL,
  received_kg INTEGER NOT NULL,
  disposed_kg INTEGER NOT NULL,
  gain_kg INTEGER NOT NULL,
  loss_kg INTEGER NOT NULL,
  balance_kg INTEGER NOT NULL,
  proceeds_fen INTEGER NOT NULL,
  PRIMARY KEY (point_id, case_ref, coal_kind)
) WITHOUT ROWID;

INSERT INTO ledger_balances
SELECT point_id, case_ref, coal_kind, SUM(received_delta_kg), SUM(disposed_delta_kg), SUM(gain_delta_kg), SUM(loss_delta_kg),
       SUM(balance_delta_kg), SUM(proceeds_delta_fen)
FROM ledger_movements GROUP BY point_id, case_ref, coal_kind;

CREATE TRIGGER ledger_movements_running_balance AFTER INSERT ON ledger_movements BEGIN
  INSERT INTO ledger_balances (point_id, case_ref, coal_kind, received_kg, disposed_kg, gain_kg, loss_kg, balance_kg, proceeds_fen)
  VALUES (NEW.point_id, NEW.case_ref, NEW.coal_kind, NEW.received_delta_kg, NEW.disposed_delta_kg, NEW.gain_delta_kg, NEW.loss_delta_kg,
          NEW.balance_delta_kg, NEW.proceeds_delta_fen)
  ON CONFLICT (point_id, case_ref, coal_kind) DO UPDATE SET
    received_kg = received_kg + excluded.received_kg,
    disposed_kg = disposed_kg + excluded.disposed_kg,
    gain_kg = gain_kg + excluded.gain_kg,
    loss_kg = loss_kg + excluded.loss_kg,
    balance_kg = balance_kg + excluded.balance_kg,
    proceeds_fen = proceeds_fen + excluded.proceeds_fen;
END;
CREATE TRIGGER ledger_balances_never_negative_insert AFTER INSERT ON ledger_balances WHEN NEW.balance_kg < 0 BEGIN
  SELECT RAISE(ABORT, 'the stock of a disposal point cannot go negative');
END;
CREATE TRIGGER ledger_balances_never_negative_update AFTER UPDATE ON ledger_balances WHEN NEW.balance_kg < 0 BEGIN
  SELECT RAISE(ABORT, 'the stock of a disposal point cannot go negative');
END;
CREATE TRIGGER ledger_balances_no_delete BEFORE DELETE ON ledger_balances BEGIN SELECT RAISE(ABORT, 'ledger balances follow the movements'); END;
`;
