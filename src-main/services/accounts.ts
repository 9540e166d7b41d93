import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/open.ts';
import type { LoginResult, Station, User } from '../../src-shared/contract/accounts.ts';
import { ROLES, type Role } from '../../src-shared/contract/roles.ts';
import { appendAudit } from './audit.ts';
import { SYSTEM_ACTOR, type Actor, type Session, type ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { getSettings } from './settings.ts';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  credential_number: string | null;
  active: number;
  failed_logins: number;
  locked_until: string | null;
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
});

function insertRoles(db: Db, userId: number, roles: readonly Role[]): void {
  const insert = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(userId, role);
}

// A session unused for a whole shift ends; the kiosk's own inactivity lock is much shorter.
const SESSION_IDLE_MS = 12 * 3600_000;

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

/** Holds logged-in sessions in memory: a restart logs everyone out, which is what a kiosk wants. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  open(user: User, nowMs: number): Session {
    const session = { token: randomBytes(24).toString('base64url'), user, lastSeenMs: nowMs };
    this.sessions.set(session.token, session);
    return session;
  }

  touch(token: string | undefined, nowMs: number): Session {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || nowMs - session.lastSeenMs > SESSION_IDLE_MS) {
      if (token) this.sessions.delete(token);
      throw new ServiceError('unauthorized', 'errors.sessionExpired');
    }
    session.lastSeenMs = nowMs;
    return session;
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** Sessions still alive: when it falls to 0 the shift has ended (the backup scheduler watches it). */
  activeCount(nowMs: number): number {
    return [...this.sessions.values()].filter((s) => nowMs - s.lastSeenMs <= SESSION_IDLE_MS).length;
  }
}

function loginResult(db: Db, session: Session): LoginResult {
  return { token: session.token, user: session.user, station: requireStation(db), lockAfterMinutes: getSettings(db).lockAfterMinutes };
}

export function setUp(
  ctx: ServiceContext,
  sessions: SessionStore,
  input: { stationName: string; stationCode: string; admin: Omit<NewUser, 'roles'> },
): LoginResult {
  const at = ctx.now();
  const user = ctx.db.transaction(() => {
    if (getStation(ctx.db) || (ctx.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n > 0) {
      throw new ServiceError('conflict', 'errors.alreadySetUp');
    }
    ctx.db.prepare('INSERT INTO station (id, name, code, created_at) VALUES (1, ?, ?, ?)').run(input.stationName, input.stationCode, at.toISOString());
    appendAudit(ctx.db, { actor: SYSTEM_ACTOR, action: 'setup.init', entity: 'station', after: { name: input.stationName, code: input.stationCode }, at });
    return createUser(ctx.db, SYSTEM_ACTOR, { ...input.admin, roles: ['admin'] }, at);
  })();
  return loginResult(ctx.db, sessions.open(user, at.getTime()));
}

/**
 * Checks a password. Repeated failures lock the account for a while; each failure and each lockout is
 * audited so that guessing leaves a trace.
 */
export function logIn(ctx: ServiceContext, sessions: SessionStore, username: string, password: string): LoginResult {
  const at = ctx.now();
  const { db } = ctx;
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  if (!row || row.active !== 1) {
    // Spend the same time as a real check, so the response does not reveal which usernames exist.
    verifyPassword(password, hashPassword('timing-equaliser'));
    throw new ServiceError('unauthorized', 'errors.badCredentials');
  }
  if (row.locked_until && row.locked_until > at.toISOString()) {
    throw new ServiceError('locked', 'errors.accountLocked', { until: row.locked_until });
  }
  const settings = getSettings(db);
  if (!verifyPassword(password, row.password_hash)) {
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
  db.transaction(() => {
    db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(row.id);
    appendAudit(db, { actor: { id: row.id, name: row.username }, action: 'auth.login', entity: 'user', entityId: row.id, at });
  })();
  return loginResult(db, sessions.open(toUser(db, row), at.getTime()));
}

export function sessionInfo(db: Db, session: Session): LoginResult {
  return loginResult(db, session);
}

/** The session with the user's roles as stored now, so a change of roles takes effect on the next call. */
export function withCurrentRoles(db: Db, session: Session): Session {
  return { ...session, user: { ...session.user, roles: rolesOf(db, session.user.id) } };
}
