/**
 * The installations as the city's administrators see them: last push, lag, the chain the hub holds
 * (continuous from the first entry or not) — and revocation, which stops further pushes and is audited.
 */
import type { HubSql } from '../../../db/hub/sql.ts';
import { CITY_STALE_MS, type ChainState, type CityInstallation } from '../../../src-shared/contract/city.ts';
import type { InstallationKind } from '../../../src-shared/contract/hub.ts';
import { ServiceError } from '../../services/errors.ts';
import { hubAudit, isoOrNull } from '../context.ts';

interface Row {
  id: string; kind: InstallationKind; name: string; county: string | null; registered_at: unknown; revoked_at: unknown;
  head_seq: number; head_hash: string; last_sync_at: unknown; last_sent_at: string | null; entries_held: number;
}

const LIST_SQL = /* sql */ `
  SELECT i.*, COALESCE(e.n, 0) AS entries_held FROM installations i
  LEFT JOIN (SELECT installation_id, COUNT(*) AS n FROM hub_entries GROUP BY installation_id) e ON e.installation_id = i.id`;

/** The state of what the hub holds: revoked, never pushed, a hole in the held sequence, late, else in order. */
export function chainState(r: { revokedAt: string | null; headSeq: number; entriesHeld: number; lastSyncAt: string | null }, nowMs: number): ChainState {
  if (r.revokedAt) return 'revoked';
  if (r.headSeq === 0 && r.entriesHeld === 0) return 'never';
  if (r.entriesHeld !== r.headSeq) return 'broken';
  if (r.lastSyncAt === null || nowMs - Date.parse(r.lastSyncAt) >= CITY_STALE_MS) return 'late';
  return 'ok';
}

function toInstallation(r: Row, now: Date): CityInstallation {
  const lastSyncAt = isoOrNull(r.last_sync_at);
  const revokedAt = isoOrNull(r.revoked_at);
  const sent = r.last_sent_at ? Date.parse(r.last_sent_at) : NaN;
  const base = { revokedAt, headSeq: Number(r.head_seq), entriesHeld: Number(r.entries_held), lastSyncAt };
  return {
    id: r.id, kind: r.kind, name: r.name, county: r.county, registeredAt: isoOrNull(r.registered_at)!, ...base, headHash: r.head_hash,
    lagSeconds: lastSyncAt === null ? null : Math.max(0, Math.round((now.getTime() - Date.parse(lastSyncAt)) / 1000)),
    clockSkewSeconds: lastSyncAt === null || Number.isNaN(sent) ? null : Math.round((sent - Date.parse(lastSyncAt)) / 1000),
    chainState: chainState(base, now.getTime()),
  };
}

export async function listInstallations(sql: HubSql, now: Date): Promise<CityInstallation[]> {
  return (await sql.query<Row>(`${LIST_SQL} ORDER BY i.kind, i.name, i.id`)).rows.map((r) => toInstallation(r, now));
}

/** Revokes an installation (its key pushes nothing more); audited with the reason. A second revocation is refused. */
export async function revokeInstallation(sql: HubSql, actor: string, input: { installationId: string; reason: string }, now: Date): Promise<CityInstallation> {
  return sql.transaction(async (tx) => {
    const found = (await tx.query<{ revoked_at: unknown }>('SELECT revoked_at FROM installations WHERE id = $1 FOR UPDATE', [input.installationId])).rows[0];
    if (!found) throw new ServiceError('not-found', 'city.errors.unknownInstallation', { id: input.installationId });
    if (found.revoked_at !== null) throw new ServiceError('conflict', 'city.errors.alreadyRevoked', { id: input.installationId });
    await tx.query('UPDATE installations SET revoked_at = $2, revoked_by = $3 WHERE id = $1', [input.installationId, now.toISOString(), actor]);
    await hubAudit(tx, now, actor, 'installations.revoke', input.installationId, { reason: input.reason });
    return toInstallation((await tx.query<Row>(`${LIST_SQL} WHERE i.id = $1`, [input.installationId])).rows[0]!, now);
  });
}
