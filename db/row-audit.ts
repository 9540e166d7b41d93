import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The row-audit chain's SQL functions. Every audited table's triggers call them, so a connection that
 * has not registered them (the plain `sqlite3` shell) cannot write an audited table at all, and one
 * that drops the triggers leaves rows whose after-image no longer matches: `audit verify` names them.
 */

export const ROW_AUDIT_GENESIS = '0'.repeat(64);

/** Who writes and when, for the writes made while `fn` runs (across its awaits too). */
export interface RowAuditActor {
  id: number | null;
  name: string;
  /** ISO instant, taken once from the injected clock for the whole call. */
  at: string;
}

const current = new AsyncLocalStorage<RowAuditActor>();

export function runAsActor<T>(actor: RowAuditActor, fn: () => T): T {
  return current.run(actor, fn);
}

export interface RowAuditFields {
  seq: number;
  tbl: string;
  pk: string;
  op: string;
  after_json: string | null;
  actor_id: number | null;
  actor_name: string;
  at: string;
  prev_hash: string;
}

/** The entry's hash: every field, the link to the previous entry included. */
export function rowAuditHash(e: RowAuditFields): string {
  const fields = [e.seq, e.tbl, e.pk, e.op, e.after_json, e.actor_id, e.actor_name, e.at, e.prev_hash];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Registers the functions the triggers call; openDatabase does it on every connection the app opens. */
export function registerRowAuditFunctions(db: Database.Database): void {
  db.function('checkpoint_actor_id', () => current.getStore()?.id ?? null);
  db.function('checkpoint_actor_name', () => current.getStore()?.name ?? 'system');
  db.function('checkpoint_audit_at', () => current.getStore()?.at ?? null);
  // Blobs (stored PDFs) are audited by their content hash: JSON cannot hold them and the image stays small.
  db.function('checkpoint_digest', { deterministic: true }, (value: unknown) =>
    value === null ? null : createHash('sha256').update(value as Buffer).digest('hex'),
  );
  db.function(
    'checkpoint_row_hash',
    { deterministic: true },
    (seq: unknown, tbl: unknown, pk: unknown, op: unknown, after: unknown, actorId: unknown, actorName: unknown, at: unknown, prev: unknown) =>
      rowAuditHash({
        seq: Number(seq), tbl: String(tbl), pk: String(pk), op: String(op), after_json: after === null ? null : String(after),
        actor_id: actorId === null ? null : Number(actorId), actor_name: String(actorName), at: String(at), prev_hash: String(prev),
      }),
  );
}
