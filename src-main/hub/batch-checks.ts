/**
 * What the hub checks in a batch before it touches storage, as pure functions: the entries are consecutive,
 * each links to the one before, each hash is the hash of its fields (where the entry is not redacted), the
 * redacted tables and only they travel without an after-image, and no entry writes another station's data.
 */
import { REDACTED_TABLES, type SyncBatch, type SyncEntry } from '../../src-shared/contract/hub.ts';
import { rowAuditHash } from '../../db/row-audit.ts';
import { HubRefusedError } from './signed-request.ts';

/** The tables whose rows name the station they belong to, and the column that names it. */
const OWNER_COLUMNS: Readonly<Record<string, string>> = { registrations: 'station_code', station: 'code' };

/** The hash the installation's row audit computed for this entry, recomputed from its fields. */
export function entryHash(e: SyncEntry): string {
  return rowAuditHash({
    seq: e.seq, tbl: e.tbl, pk: e.pk, op: e.op, after_json: e.afterJson, actor_id: e.actorId, actor_name: e.actorName, at: e.at, prev_hash: e.prevHash,
  });
}

/** Refuses a batch whose own shape is wrong: numbering, links, hashes, redaction. */
export function checkBatchShape(batch: SyncBatch): void {
  const { entries } = batch;
  if (entries[0]!.seq !== batch.fromSeq || entries[entries.length - 1]!.seq !== batch.toSeq) throw new HubRefusedError('malformed', { reason: 'fromSeq/toSeq' });
  entries.forEach((e, i) => {
    if (i > 0 && e.seq !== entries[i - 1]!.seq + 1) throw new HubRefusedError('gap', { seq: e.seq });
    if (i > 0 && e.prevHash !== entries[i - 1]!.hash) throw new HubRefusedError('fork', { seq: e.seq });
    const mustRedact = REDACTED_TABLES.includes(e.tbl);
    if (e.redacted !== mustRedact || (e.redacted && e.afterJson !== null)) throw new HubRefusedError('malformed', { seq: e.seq, reason: 'redaction' });
    if (!e.redacted && entryHash(e) !== e.hash) throw new HubRefusedError('bad-hash', { seq: e.seq });
    if (e.afterJson !== null && !isJsonObject(e.afterJson)) throw new HubRefusedError('malformed', { seq: e.seq, reason: 'after-image' });
  });
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * An installation writes only its own data: a registration made at another station, or a station row naming
 * another code, is refused. (Incoming handovers name the sending checkpoint by design and stay allowed.)
 */
export function checkOwnData(installationId: string, entries: readonly SyncEntry[]): void {
  for (const e of entries) {
    const column = OWNER_COLUMNS[e.tbl];
    if (!column || e.afterJson === null) continue;
    const owner = (JSON.parse(e.afterJson) as Record<string, unknown>)[column];
    if (owner !== installationId) throw new HubRefusedError('not-own-data', { seq: e.seq, tbl: e.tbl, owner: String(owner) });
  }
}

/** The row each key ends at after the batch: the last entry per (table, key) wins. */
export function finalRowStates(entries: readonly SyncEntry[]): { upserts: SyncEntry[]; deletes: SyncEntry[] } {
  const last = new Map<string, SyncEntry>();
  for (const e of entries) {
    if (e.redacted) continue;
    last.set(JSON.stringify([e.tbl, e.pk]), e);
  }
  const all = [...last.values()];
  return { upserts: all.filter((e) => e.op !== 'D'), deletes: all.filter((e) => e.op === 'D') };
}
