import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../../db/open.ts';
import type { LoginResult, Station, User } from '../../../src-shared/contract/accounts.ts';
import { ROLES, type Role } from '../../../src-shared/contract/roles.ts';
import { appendAudit } from '../audit.ts';
import { SYSTEM_ACTOR, type Actor, type Session, type ServiceContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { getSettings } from './settings.ts';
import { mutateAs } from '../mutate.ts';
import { gateSession, type LiveSession, type SessionLimits, type SessionStore } from './sessions.ts';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  credential_number: string | null;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  must_change_password: number;
}

/** The roles a user holds now (migration 011's user_roles; users.role is no longer read). */
export function rolesOf(db: Db, userId: number): Role[] {
  const held = new Set((db.prepare('SELECT role FROM user_roles WHERE user_id = ?').all(userId) as { role: Role }[]).map((r) => r.role));
  return ROLES.filter((r) => held.has(r));
}

const toUser = (db: Db, r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: rolesOf(db, r.id),
  active: r.active === 1,
  credentialNumber: r.credential_number,
  mustChangePassword: r.must_change_password === 1,
});

function insertRoles(db: Db, userId: number, roles: readonly Role[]): void {
  const insert = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(userId, role);
}

export function getStation(db: Db): Station | null {
  return (db.prepare('SELECT name, code FROM station WHERE id = 1').get() as Station | undefined) ?? null;
}

export function requireStation(db: Db): Station {
  const station = getStation(db);
  if (!station) throw new ServiceError('conflict', 'errors.notSetUp');
  return station;
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: readonly Role[];
  password: string;
  credentialNumber?: string;
}

export function createUser(db: Db, actor: Actor, input: NewUser, at: Date): User {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM users WHERE username = ?').get(input.username)) {
      throw new ServiceError('conflict', 'errors.usernameTaken', { username: input.username });
    }
    const id = Number(
      db.prepare(
        `INSERT INTO users (username, display_name, role, password_hash, credential_number, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      // users.role keeps the first role for older builds reading the same file; permissions read user_roles.
      ).run(input.username, input.displayName, input.roles[0], hashPassword(input.password), input.credentialNumber ?? null, at.toISOString())
        .lastInsertRowid,
    );
    insertRoles(db, id, input.roles);
    const user = toUser(db, db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow);
    appendAudit(db, { actor, action: 'users.create', entity: 'user', entityId: id, after: user, at });
    return user;
  })();
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map((r) => toUser(db, r));
}

/**
 * Replaces a user's roles (audited). The last active administrator keeps the admin role, so the
 * installation can always be administered.
 */
export function setRoles(db: Db, actor: Actor, userId: number, roles: readonly Role[], at: Date): User {
  return db.transaction(() => {
    const row = db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
    if (!row) throw new ServiceError('not-found', 'errors.userNotFound');
    const before = toUser(db, row);
    if (before.roles.includes('admin') && !roles.includes('admin')) {
      const others = db.prepare("SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.active = 1 AND u.id <> ?").get(userId) as { n: number };
      if (others.n === 0) throw new ServiceError('conflict', 'errors.lastAdmin');
    }
    db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
    insertRoles(db, userId, roles);
    const after = toUser(db, row);
    appendAudit(db, { actor, action: 'users.setRoles', entity: 'user', entityId: userId, before, after, at });
    return after;
  })();
}

export function sessionLimits(db: Db): SessionLimits {
  const settings = getSettings(db);
  return { lockAfterMs: settings.lockAfterMinutes * 60_000, lifetimeMs: settings.sessionHours * 3600_000 };
}

export function loginResult(db: Db, session: Pick<LiveSession, 'token' | 'user' | 'startedMs'>): LoginResult {
  const settings = getSettings(db);
  return {
    token: session.token, user: session.user, station: requireStation(db), lockAfterMinutes: settings.lockAfterMinutes,
    sessionEndsAt: new Date(session.startedMs + settings.sessionHours * 3600_000).toISOString(),
  };
}

/** Compares the quoted set-up code in constant time (a mismatch of length is a mismatch). */
function setupCodeMatches(expected: string, quoted: string | undefined): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(quoted ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setUp(
  ctx: ServiceContext,
  sessions: SessionStore,
  input: { stationName: string; stationCode: string; admin: Omit<NewUser, 'roles'>; setupCode?: string },
): LoginResult {
  const at = ctx.now();
  if (ctx.setupCode !== undefined && !setupCodeMatches(ctx.setupCode, input.setupCode?.toUpperCase())) {
    throw new ServiceError('forbidden', 'account.errors.setupCode', {}, [{ path: 'setupCode', key: 'account.errors.setupCode' }]);
  }
  const user = mutateAs(ctx.db, SYSTEM_ACTOR, () => at, (tx) => {
    if (getStation(ctx.db) || (ctx.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n > 0) {
      throw new ServiceError('conflict', 'errors.alreadySetUp');
    }
    ctx.db.prepare('INSERT INTO station (id, name, code, created_at) VALUES (1, ?, ?, ?)').run(input.stationName, input.stationCode, at.toISOString());
    tx.audit({ action: 'setup.init', entity: 'station', after: { name: input.stationName, code: input.stationCode }, at });
    return createUser(ctx.db, SYSTEM_ACTOR, { ...input.admin, roles: ['admin'] }, at);
  });
  return loginResult(ctx.db, sessions.open(user, at.getTime()));
}

// A hash of a random password nobody knows: an unknown username is checked against it, so that every
// refusal costs exactly one scrypt run.
const NOBODY_HASH = 'scrypt$32768$8$1$OUnSOkLKPEbxzOrxG0Cx0w==$Pf89d0VKXKXrv8LFa1pel2nguMGaoekN2ZuaYooCbB4=';

/**
 * Checks a user's password. An unknown username, a disabled or locked account and a wrong password all
 * cost one scrypt run and give the same answer, so the response reveals nothing about which usernames
 * exist. Repeated failures lock the account for a while; each failure and each lockout is audited.
 */
export function checkCredentials(ctx: ServiceContext, username: string, password: string): UserRow {
  const at = ctx.now();
  const { db } = ctx;
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  const matches = verifyPassword(password, row?.password_hash ?? NOBODY_HASH);
  if (!row || row.active !== 1 || (row.locked_until !== null && row.locked_until > at.toISOString())) {
    throw new ServiceError('unauthorized', 'errors.badCredentials');
  }
  const settings = getSettings(db);
  if (!matches) {
    db.transaction(() => {
      const failures = row.failed_logins + 1;
      const lock = failures >= settings.maxFailedLogins;
      const lockedUntil = lock ? new Date(at.getTime() + settings.lockoutMinutes * 60_000).toISOString() : null;
      db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(lock ? 0 : failures, lockedUntil, row.id);
      appendAudit(db, {
        actor: { id: row.id, name: row.username }, action: lock ? 'auth.lockout' : 'auth.failed', entity: 'user', entityId: row.id, at,
      });
    })();
    throw new ServiceError('unauthorized', 'errors.badCredentials');
  }
  if (row.failed_logins > 0) db.prepare('UPDATE users SET failed_logins = 0 WHERE id = ?').run(row.id);
  return row;
}

export function logIn(ctx: ServiceContext, sessions: SessionStore, username: string, password: string): LoginResult {
  const row = checkCredentials(ctx, username, password);
  const at = ctx.now();
  appendAudit(ctx.db, { actor: { id: row.id, name: row.username }, action: 'auth.login', entity: 'user', entityId: row.id, at });
  return loginResult(ctx.db, sessions.open(toUser(ctx.db, row), at.getTime()));
}

export function sessionInfo(db: Db, session: Session, startedMs: number): LoginResult {
  return loginResult(db, { ...session, startedMs });
}

/** The user as stored now, so a change of roles or a reset takes effect on the next call. */
export function userById(db: Db, userId: number): User {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
  if (!row) throw new ServiceError('not-found', 'errors.userNotFound');
  return toUser(db, row);
}

/**
 * The caller's session for a method: known, within its lifetime, not idle past the lock (else locked), the
 * user as stored now, and the method one the session's state allows.
 */
export function currentSession(ctx: ServiceContext, sessions: SessionStore, token: string | undefined, method: string): LiveSession {
  const session = sessions.touch(token, ctx.now().getTime(), sessionLimits(ctx.db));
  session.user = userById(ctx.db, session.user.id);
  gateSession(session, method);
  return session;
}
