/**
 * The hub's own users (roles 'city' and 'hub-admin'), kept in `hub_users` apart from any checkpoint's users.
 * Passwords are hashed with the checkpoint's scrypt code; every refusal of a login costs one scrypt run,
 * so the answer does not reveal which usernames exist.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { HubSql } from '../../../db/hub/sql.ts';
import type { User } from '../../../src-shared/contract/accounts.ts';
import { Password } from '../../../src-shared/contract/accounts.ts';
import { requiredText } from '../../../src-shared/contract/clean-text.ts';
import { HUB_ROLES, type HubRole } from '../../../src-shared/contract/roles.ts';
import { hashPassword, verifyPassword } from '../../services/accounts/passwords.ts';
import { ServiceError } from '../../services/errors.ts';
import { hubAudit } from '../context.ts';

export const NewHubUser = z
  .object({
    username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, { message: 'validation.username' }),
    displayName: requiredText(40),
    role: z.enum(HUB_ROLES, { message: 'validation.choice' }),
    password: Password,
  })
  .strict();
export type NewHubUser = z.input<typeof NewHubUser>;

interface HubUserRow {
  id: number;
  username: string;
  display_name: string;
  role: HubRole;
  password_hash: string;
  active: boolean;
}

const toUser = (r: HubUserRow): User => ({
  id: Number(r.id), username: r.username, displayName: r.display_name, roles: [r.role], active: r.active, credentialNumber: null, mustChangePassword: false,
});

/** Adds a hub user (audited on the hub); a taken username is refused and nothing is written. */
export async function createHubUser(sql: HubSql, actor: string, input: NewHubUser, at: Date): Promise<User> {
  const parsed = NewHubUser.safeParse(input);
  if (!parsed.success) {
    throw new ServiceError('invalid-input', 'errors.invalidInput', {}, parsed.error.issues.map((i) => ({ path: i.path.join('.'), key: i.message.startsWith('validation.') ? i.message : `validation.${i.code}` })));
  }
  const u = parsed.data;
  return sql.transaction(async (tx) => {
    if ((await tx.query('SELECT 1 FROM hub_users WHERE username = $1', [u.username])).rows.length > 0) {
      throw new ServiceError('conflict', 'errors.usernameTaken', { username: u.username });
    }
    const row = (await tx.query<HubUserRow>(
      `INSERT INTO hub_users (username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [u.username, u.displayName, u.role, hashPassword(u.password), at.toISOString()],
    )).rows[0]!;
    const user = toUser(row);
    await hubAudit(tx, at, actor, 'hub.users.create', String(user.id), { username: user.username, role: u.role });
    return user;
  });
}

let nobodyHash: string | undefined;
/** A hash of a password nobody knows, made once: an unknown username is checked against it. */
const nobody = () => (nobodyHash ??= hashPassword(randomBytes(24).toString('base64')));

/** The hub user for a username and password, or the same refusal whatever was wrong (audited on the hub). */
export async function checkHubCredentials(sql: HubSql, username: string, password: string, at: Date): Promise<User> {
  const row = (await sql.query<HubUserRow>('SELECT * FROM hub_users WHERE username = $1', [username])).rows[0];
  const matches = verifyPassword(password, row?.password_hash ?? nobody());
  if (!row || !row.active || !matches) {
    if (row) await hubAudit(sql, at, row.username, 'auth.failed', String(row.id), null);
    throw new ServiceError('unauthorized', 'errors.badCredentials');
  }
  return toUser(row);
}

/** The user as stored now, so a disabled account stops at its next call. */
export async function hubUserById(sql: HubSql, id: number): Promise<User | null> {
  const row = (await sql.query<HubUserRow>('SELECT * FROM hub_users WHERE id = $1', [id])).rows[0];
  return row ? toUser(row) : null;
}
