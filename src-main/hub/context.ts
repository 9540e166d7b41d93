/**
 * What every hub handler receives: the hub's database, the clock, the hub's name (shown where a checkpoint
 * shows its station) and the hub's sessions. A call with a session also carries the signed-in hub user.
 */
import type { HubSql } from '../../db/hub/sql.ts';
import type { User } from '../../src-shared/contract/accounts.ts';
import type { SessionStore } from '../services/accounts/sessions.ts';

export interface HubContext {
  sql: HubSql;
  now: () => Date;
  /** e.g. 承德市煤质监管平台; LoginResult.station.name on the hub. */
  hubName: string;
  sessions: SessionStore;
}

export interface HubCallContext extends HubContext {
  user: User;
  token: string;
}

/** The hub's code in LoginResult.station, where a checkpoint gives its station code. */
export const HUB_STATION_CODE = 'HUB';

/** TIMESTAMPTZ comes back as a Date from pg and PGlite; the contract carries ISO text. */
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

/** Appends to the hub's own audit trail (append-only by trigger). */
export async function hubAudit(sql: HubSql, at: Date, actor: string, action: string, entityId: string | null, detail: unknown): Promise<void> {
  await sql.query('INSERT INTO hub_audit (at, actor, action, entity_id, detail) VALUES ($1, $2, $3, $4, $5)', [at.toISOString(), actor, action, entityId, JSON.stringify(detail ?? null)]);
}
