import type { Db } from '../../../db/open.ts';
import { ROW_AUDIT_GENESIS, rowAuditHash, type RowAuditFields } from '../../../db/row-audit.ts';
import { imageExpr, keyExpr } from '../../../db/row-audit-sql.ts';
import { ROW_AUDITED_TABLES } from '../../../db/migrations/017-row-audit.ts';
import { MONTHLY_REPORT_AUDIT } from '../../../db/migrations/019-monthly-report.ts';
import type { AuditFinding } from '../../../src-shared/contract/index.ts';

export interface ChainHead {
  seq: number;
  hash: string;
}

/** Walks the row-audit chain from the start; the first entry whose sequence, link or content fails is reported. */
export function walkRowAuditChain(db: Db): { head: ChainHead; broken?: AuditFinding } {
  let prev = ROW_AUDIT_GENESIS;
  let expected = 1;
  for (const row of db.prepare('SELECT * FROM row_audit ORDER BY seq').iterate() as Iterable<RowAuditFields & { hash: string }>) {
    const at = { table: row.tbl, key: row.pk, problem: 'chain' as const };
    if (row.seq !== expected) return { head: { seq: expected - 1, hash: prev }, broken: { ...at, detail: `entry ${expected} missing` } };
    if (row.prev_hash !== prev) return { head: { seq: expected - 1, hash: prev }, broken: { ...at, detail: `entry ${row.seq}: link to previous entry broken` } };
    if (rowAuditHash(row) !== row.hash) return { head: { seq: expected - 1, hash: prev }, broken: { ...at, detail: `entry ${row.seq}: content changed` } };
    prev = row.hash;
    expected++;
  }
  return { head: { seq: expected - 1, hash: prev } };
}

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

/**
 * Compares every audited table with the after-image of each row's latest entry, in SQL so that a million
 * rows need no memory on this side. The current image is built from the table's actual columns: a column
 * added behind the app makes every row differ.
 */
export function compareAuditedTables(db: Db): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const triggers = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name));
  // Tables added after migration 017 bring their own audit spec.
  for (const [table, t] of Object.entries({ ...ROW_AUDITED_TABLES, monthly_report_sections: MONTHLY_REPORT_AUDIT })) {
    for (const op of ['insert', 'update', 'delete']) {
      if (!triggers.has(`row_audit_${table}_${op}`)) findings.push({ table, key: '', problem: 'unaudited-trigger', detail: `${op} trigger missing` });
    }
    // Both directions go through the (tbl, pk, seq) index or an IN-list index: no row-by-row scan of the log.
    // The audited row is aliased: its columns (seq, at…) must not resolve to the log's.
    const key = keyExpr('', t.pk);
    const rowKey = keyExpr('r.', t.pk);
    const differing = db.prepare(
      `SELECT k, latest IS NULL AS unaudited FROM (
         SELECT ${rowKey} AS k, ${imageExpr('r.', columnsOf(db, table), t.blobs)} AS img,
                (SELECT a.after_json FROM row_audit a WHERE a.tbl = @table AND a.pk = ${rowKey} ORDER BY a.seq DESC LIMIT 1) AS latest
         FROM ${table} AS r)
       WHERE img IS NOT latest ORDER BY k`,
    ).all({ table }) as { k: string; unaudited: number }[];
    for (const r of differing) findings.push({ table, key: r.k, problem: r.unaudited ? 'inserted' : 'changed' });
    const deleted = db.prepare(
      `SELECT pk FROM (SELECT pk, after_json, MAX(seq) FROM row_audit WHERE tbl = @table GROUP BY pk)
       WHERE after_json IS NOT NULL AND pk NOT IN (SELECT ${key} FROM ${table}) ORDER BY pk`,
    ).pluck().all({ table }) as string[];
    for (const k of deleted) findings.push({ table, key: k, problem: 'deleted' });
  }
  return findings;
}

const BALANCE_SUMS = `SUM(received_delta_kg) AS received_kg, SUM(disposed_delta_kg) AS disposed_kg, SUM(gain_delta_kg) AS gain_kg,
  SUM(loss_delta_kg) AS loss_kg, SUM(balance_delta_kg) AS balance_kg, SUM(proceeds_delta_fen) AS proceeds_fen,
  SUM(released_delta_kg) AS released_kg, MAX(confiscates) AS confiscated`;

const BALANCE_COLUMNS = ['received_kg', 'disposed_kg', 'gain_kg', 'loss_kg', 'balance_kg', 'proceeds_fen', 'released_kg', 'confiscated'];

/** Ledger balances are derived: recomputed from the movements and compared line by line. */
export function compareLedgerBalances(db: Db): AuditFinding[] {
  const rows = db.prepare(
    `WITH calc AS (SELECT point_id, case_ref, coal_kind, ${BALANCE_SUMS} FROM ledger_movements GROUP BY point_id, case_ref, coal_kind)
     SELECT coalesce(calc.point_id, b.point_id) AS point_id, coalesce(calc.case_ref, b.case_ref) AS case_ref, coalesce(calc.coal_kind, b.coal_kind) AS coal_kind
     FROM calc FULL OUTER JOIN ledger_balances b USING (point_id, case_ref, coal_kind)
     WHERE calc.point_id IS NULL OR b.point_id IS NULL
        OR ${BALANCE_COLUMNS.map((c) => `calc.${c} IS NOT b.${c}`).join(' OR ')}`,
  ).all() as { point_id: number; case_ref: string; coal_kind: string }[];
  return rows.map((r) => ({ table: 'ledger_balances', key: JSON.stringify([r.point_id, r.case_ref, r.coal_kind]), problem: 'derived', detail: 'differs from the sum of its movements' }));
}
