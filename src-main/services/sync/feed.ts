/**
 * The change feed an installation pushes: its row audit, entry by entry, with the after-images of the
 * redacted tables (password and token hashes, the key row) left at home. The hub follows the chain through
 * a redacted entry by its hash and link alone.
 */
import type { Db } from '../../../db/open.ts';
import type { RowAuditFields } from '../../../db/row-audit.ts';
import { REDACTED_TABLES, type SyncEntry } from '../../../src-shared/contract/hub.ts';

/** A row of the row audit as SQLite returns it. */
interface RowAuditRow extends RowAuditFields {
  op: SyncEntry['op'];
  hash: string;
}

export function localHeadSeq(db: Db): number {
  return (db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM row_audit').get() as { seq: number }).seq;
}

/**
 * Up to `maxEntries` entries after `afterSeq`, stopping early once their after-images pass `maxBytes`
 * (one entry always goes, so a single large image still travels).
 */
export function readFeed(db: Db, afterSeq: number, maxEntries: number, maxBytes: number): SyncEntry[] {
  const rows = db.prepare('SELECT * FROM row_audit WHERE seq > ? ORDER BY seq LIMIT ?').iterate(afterSeq, maxEntries) as Iterable<RowAuditRow>;
  const out: SyncEntry[] = [];
  let bytes = 0;
  for (const r of rows) {
    const redacted = REDACTED_TABLES.includes(r.tbl);
    const afterJson = redacted ? null : r.after_json;
    bytes += afterJson?.length ?? 0;
    if (out.length > 0 && bytes > maxBytes) break;
    out.push({ seq: r.seq, tbl: r.tbl, pk: r.pk, op: r.op, afterJson, actorId: r.actor_id, actorName: r.actor_name, at: r.at, prevHash: r.prev_hash, hash: r.hash, redacted });
  }
  return out;
}
