import { createHash } from 'node:crypto';
import type { Db } from '../../db/open.ts';
import type { AuditVerifyResult } from '../../src-shared/contract/index.ts';
import type { Actor } from './context.ts';

const GENESIS = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = [
    row.seq, row.at, row.actor_id, row.actor_name, row.action, row.entity, row.entity_id,
    row.before_json, row.after_json, row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export interface AuditEntry {
  actor: Actor;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/**
 * Appends an entry chained to the previous one by hash. Call it inside the transaction that makes the
 * change, so the change and its record commit or fail together.
 */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at.toISOString(),
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    prev_hash: last?.hash ?? GENESIS,
  };
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @actor_name, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)`,
  ).run({ ...row, hash: entryHash(row) });
}

/**
 * Tables whose rows are written once and described in full by their audit entries; `audit verify`
 * compares each row with the `after` of its latest entry, so a row changed, added or deleted behind the
 * app's back is found even though the chain itself is intact.
 */
export const AUDITED_TABLES: Record<string, string> = {
  registration: 'SELECT * FROM registrations ORDER BY id',
  certificate_check: 'SELECT * FROM certificate_checks ORDER BY id',
  certificate_override: 'SELECT * FROM certificate_overrides ORDER BY id',
  certificate_review: 'SELECT * FROM certificate_reviews ORDER BY id',
};

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** Reads a row back exactly as `audit verify` will, for use as an entry's `after`. */
export function snapshotRow(db: Db, entity: keyof typeof AUDITED_TABLES & string, id: number): unknown {
  const sql = AUDITED_TABLES[entity]!.replace(' ORDER BY id', ' WHERE id = ?');
  return db.prepare(sql).get(id);
}

/**
 * Walks the chain from the start and reports the first entry whose content, link or sequence does not
 * hold; then checks the audited tables against their latest entries.
 */
export function verifyAudit(db: Db): AuditVerifyResult {
  let prev = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  const latest = new Map<string, { seq: number; digest: string | null }>();
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    entries++;
    if (row.seq !== expectedSeq) return { ok: false, entries, brokenAt: { seq: expectedSeq, reason: 'missing entry' } };
    if (row.prev_hash !== prev) return { ok: false, entries, brokenAt: { seq: row.seq, reason: 'link to previous entry broken' } };
    if (entryHash(row) !== row.hash) return { ok: false, entries, brokenAt: { seq: row.seq, reason: 'content changed' } };
    if (row.entity in AUDITED_TABLES && row.entity_id !== null) {
      latest.set(`${row.entity}:${row.entity_id}`, { seq: row.seq, digest: row.after_json === null ? null : digest(row.after_json) });
    }
    prev = row.hash;
    expectedSeq++;
  }
  for (const [entity, sql] of Object.entries(AUDITED_TABLES)) {
    for (const row of db.prepare(sql).iterate() as Iterable<{ id: number }>) {
      const key = `${entity}:${row.id}`;
      const entry = latest.get(key);
      if (!entry) return { ok: false, entries, brokenAt: { seq: 0, reason: `${entity} ${row.id} has no audit entry` } };
      if (entry.digest !== digest(JSON.stringify(row))) {
        return { ok: false, entries, brokenAt: { seq: entry.seq, reason: `${entity} ${row.id} differs from its audit entry` } };
      }
      latest.delete(key);
    }
  }
  for (const [key, entry] of latest) {
    if (entry.digest !== null) return { ok: false, entries, brokenAt: { seq: entry.seq, reason: `${key.replace(':', ' ')} was deleted` } };
  }
  return { ok: true, entries };
}
