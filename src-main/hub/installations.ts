/**
 * The hub's register of installations: who may push (id = the installation's station code, with its
 * Ed25519 public key), revocation, and what administrators see of each (last sync, lag, the state of the
 * chain the hub holds). Every act is written to the append-only hub_audit.
 */
import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { INSTALLATION_KINDS, type HubInstallation, type HubInstallationStatus } from '../../src-shared/contract/hub.ts';
import type { HubSql } from '../../db/hub/sql.ts';
import { ROW_AUDIT_GENESIS } from '../../db/row-audit.ts';
import { ServiceError } from '../services/errors.ts';

export const RegisterInstallation = z.object({
  id: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'hub.errors.badId' }),
  kind: z.enum(INSTALLATION_KINDS),
  name: z.string().trim().min(1).max(80),
  county: z.string().trim().min(1).max(40).nullable().default(null),
  publicKeyPem: z.string().trim().max(2000),
}).strict();
export type RegisterInstallation = z.input<typeof RegisterInstallation>;

function requireEd25519(pem: string): string {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    // fall through to the refusal
  }
  throw new ServiceError('invalid-input', 'hub.errors.badKey');
}

async function audit(tx: HubSql, at: string, actor: string, action: string, entityId: string, detail: unknown): Promise<void> {
  await tx.query('INSERT INTO hub_audit (at, actor, action, entity_id, detail) VALUES ($1, $2, $3, $4, $5::jsonb)', [at, actor, action, entityId, JSON.stringify(detail)]);
}

/**
 * Registers an installation. A revoked one may be registered again with a new key (a replaced machine
 * continues its own chain); an active one, or a key another installation holds, is refused.
 */
export async function registerInstallation(sql: HubSql, now: () => Date, actor: string, raw: RegisterInstallation): Promise<HubInstallation> {
  const parsed = RegisterInstallation.safeParse(raw);
  if (!parsed.success) throw new ServiceError('invalid-input', parsed.error.issues[0]?.message.startsWith('hub.') ? parsed.error.issues[0].message : 'errors.invalidInput');
  const input = { ...parsed.data, publicKeyPem: requireEd25519(parsed.data.publicKeyPem) };
  const at = now().toISOString();
  return sql.transaction(async (tx) => {
    const existing = (await tx.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM installations WHERE id = $1 FOR UPDATE', [input.id])).rows[0];
    const keyHolder = (await tx.query<{ id: string }>('SELECT id FROM installations WHERE public_key_pem = $1', [input.publicKeyPem])).rows[0];
    if (keyHolder && keyHolder.id !== input.id) throw new ServiceError('conflict', 'hub.errors.keyTaken', { id: keyHolder.id });
    if (existing && existing.revoked_at === null) throw new ServiceError('conflict', 'hub.errors.alreadyRegistered', { id: input.id });
    if (existing) {
      await tx.query(
        `UPDATE installations SET kind = $2, name = $3, county = $4, public_key_pem = $5, registered_at = $6, registered_by = $7, revoked_at = NULL, revoked_by = NULL WHERE id = $1`,
        [input.id, input.kind, input.name, input.county, input.publicKeyPem, at, actor],
      );
    } else {
      await tx.query(
        'INSERT INTO installations (id, kind, name, county, public_key_pem, registered_at, registered_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [input.id, input.kind, input.name, input.county, input.publicKeyPem, at, actor],
      );
    }
    await audit(tx, at, actor, existing ? 'installation.reregister' : 'installation.register', input.id, { kind: input.kind, name: input.name, county: input.county, publicKeyPem: input.publicKeyPem });
    return (await installationRows(tx, input.id))[0]!;
  });
}

/** Revokes an installation: its requests are refused from now on; what it pushed before stays. */
export async function revokeInstallation(sql: HubSql, now: () => Date, actor: string, id: string): Promise<HubInstallation> {
  const at = now().toISOString();
  return sql.transaction(async (tx) => {
    const row = (await tx.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM installations WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!row) throw new ServiceError('not-found', 'hub.errors.unknownInstallation', { id });
    if (row.revoked_at !== null) throw new ServiceError('conflict', 'hub.errors.alreadyRevoked', { id });
    await tx.query('UPDATE installations SET revoked_at = $2, revoked_by = $3 WHERE id = $1', [id, at, actor]);
    await audit(tx, at, actor, 'installation.revoke', id, {});
    return (await installationRows(tx, id))[0]!;
  });
}

interface InstallationDbRow {
  id: string;
  kind: HubInstallation['kind'];
  name: string;
  county: string | null;
  public_key_pem: string;
  registered_at: Date;
  revoked_at: Date | null;
  head_seq: number;
  head_hash: string;
  last_sync_at: Date | null;
  last_sent_at: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

async function installationRows(sql: HubSql, id?: string): Promise<HubInstallation[]> {
  const rows = (await sql.query<InstallationDbRow>(
    `SELECT id, kind, name, county, public_key_pem, registered_at, revoked_at, head_seq, head_hash, last_sync_at, last_sent_at
     FROM installations ${id === undefined ? '' : 'WHERE id = $1'} ORDER BY kind, id`,
    id === undefined ? [] : [id],
  )).rows;
  return rows.map((r) => ({
    id: r.id, kind: r.kind, name: r.name, county: r.county, publicKeyPem: r.public_key_pem, registeredAt: iso(r.registered_at)!, revokedAt: iso(r.revoked_at),
    headSeq: r.head_seq, headHash: r.head_hash, lastSyncAt: iso(r.last_sync_at), lastSentAt: r.last_sent_at,
  }));
}

/**
 * Every installation with its lag (seconds since its last push reached the hub) and the state of the chain
 * the hub holds for it, walked in SQL: every entry links to the one before, from the genesis to the head.
 */
export async function listInstallations(sql: HubSql, now: () => Date): Promise<HubInstallationStatus[]> {
  const chains = new Map((await sql.query<{ installation_id: string; entries: number; max_seq: number; last_hash: string; broken: number }>(
    `SELECT installation_id, COUNT(*) AS entries, MAX(seq) AS max_seq,
            (array_agg(hash ORDER BY seq DESC))[1] AS last_hash,
            SUM(CASE WHEN prev_hash = COALESCE(prev, $1) THEN 0 ELSE 1 END) AS broken
     FROM (SELECT installation_id, seq, hash, prev_hash, LAG(hash) OVER (PARTITION BY installation_id ORDER BY seq) AS prev FROM hub_entries) AS e
     GROUP BY installation_id`,
    [ROW_AUDIT_GENESIS],
  )).rows.map((c) => [c.installation_id, c]));
  return (await installationRows(sql)).map((i) => {
    const c = chains.get(i.id);
    const intact = c === undefined
      ? i.headSeq === 0
      : Number(c.broken) === 0 && Number(c.entries) === i.headSeq && c.max_seq === i.headSeq && c.last_hash === i.headHash;
    return {
      ...i,
      lagSeconds: i.lastSyncAt === null ? null : Math.max(0, Math.round((now().getTime() - Date.parse(i.lastSyncAt)) / 1000)),
      chain: c === undefined && intact ? 'empty' : intact ? 'intact' : 'broken',
    };
  });
}
