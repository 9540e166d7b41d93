import type { Db } from '../../../db/open.ts';
import type { LoginResult, User } from '../../../src-shared/contract/accounts.ts';
import { appendAudit } from '../audit.ts';
import { checkCredentials, loginResult, userById } from './accounts.ts';
import { actorOf, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SessionStore } from './sessions.ts';

/** True when some other active user holds the admin role: the installation stays administrable without this one. */
function anotherActiveAdmin(db: Db, userId: number): boolean {
  const row = db.prepare(
    "SELECT COUNT(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.active = 1 AND u.id <> ?",
  ).get(userId) as { n: number };
  return row.n > 0;
}

/** Disables or enables a user (audited); disabling ends the user's sessions and spares the last active administrator. */
export function setActive(ctx: CallContext, sessions: SessionStore, userId: number, active: boolean): User {
  const { db } = ctx;
  const after = db.transaction(() => {
    const before = userById(db, userId);
    if (!active && before.roles.includes('admin') && !anotherActiveAdmin(db, userId)) {
      throw new ServiceError('conflict', 'account.errors.lastActiveAdmin');
    }
    db.prepare('UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, userId);
    const changed = userById(db, userId);
    appendAudit(db, { actor: actorOf(ctx.session), action: active ? 'users.enable' : 'users.disable', entity: 'user', entityId: userId, before, after: changed, at: ctx.now() });
    return changed;
  })();
  if (!active) sessions.closeUser(userId);
  return after;
}

/**
 * An administrator sets a temporary password: the lockout is lifted, the user's sessions end, and the user
 * must choose a new password at the next login. The audit records who reset whom, never the password.
 */
export function resetPassword(ctx: CallContext, sessions: SessionStore, userId: number, password: string): User {
  const { db } = ctx;
  const user = db.transaction(() => {
    const before = userById(db, userId);
    db.prepare('UPDATE users SET password_hash = ?, must_change_password = 1, failed_logins = 0, locked_until = NULL WHERE id = ?')
      .run(hashPassword(password), userId);
    const after = userById(db, userId);
    appendAudit(db, { actor: actorOf(ctx.session), action: 'users.resetPassword', entity: 'user', entityId: userId, before, after, at: ctx.now() });
    return after;
  })();
  sessions.closeUser(userId);
  return user;
}

/**
 * The caller changes their own password (the current one proves it is them). Every session of the user
 * ends, this one included; the caller continues in a new session of the same shift.
 */
export function changeOwnPassword(ctx: CallContext, sessions: SessionStore, currentPassword: string, newPassword: string): LoginResult {
  const { db, session } = ctx;
  const wrong = () => new ServiceError('invalid-input', 'account.errors.wrongPassword', {}, [{ path: 'currentPassword', key: 'account.errors.wrongPassword' }]);
  try {
    checkCredentials(ctx, session.user.username, currentPassword);
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'unauthorized') throw wrong();
    throw err;
  }
  const row = db.prepare('SELECT password_hash FROM users WHERE id = ?').get(session.user.id) as { password_hash: string };
  if (verifyPassword(newPassword, row.password_hash)) {
    throw new ServiceError('invalid-input', 'account.errors.samePassword', {}, [{ path: 'newPassword', key: 'account.errors.samePassword' }]);
  }
  const user = db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(hashPassword(newPassword), session.user.id);
    appendAudit(db, { actor: actorOf(session), action: 'auth.changePassword', entity: 'user', entityId: session.user.id, at: ctx.now() });
    return userById(db, session.user.id);
  })();
  const nowMs = ctx.now().getTime();
  const startedMs = sessions.startedMs(session.token, nowMs);
  sessions.closeUser(user.id);
  return loginResult(db, sessions.open(user, nowMs, startedMs));
}

/** The same user proves the password again at the lock screen: the locked token is revoked, a new one issued. */
export function unlock(ctx: CallContext, sessions: SessionStore, password: string): LoginResult {
  const row = checkCredentials(ctx, ctx.session.user.username, password);
  const at = ctx.now();
  appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'auth.unlock', entity: 'user', entityId: row.id, at });
  return loginResult(ctx.db, sessions.rotate(ctx.session.token, userById(ctx.db, row.id), at.getTime()));
}

/** An administrator ends someone's session (a terminal left logged in); audited with whose it was. */
export function endSession(ctx: CallContext, sessions: SessionStore, id: string): null {
  const ended = sessions.closeById(id);
  if (!ended) throw new ServiceError('not-found', 'account.errors.sessionNotFound');
  appendAudit(ctx.db, {
    actor: actorOf(ctx.session), action: 'sessions.end', entity: 'user', entityId: ended.user.id,
    before: { username: ended.user.username, startedAt: new Date(ended.startedMs).toISOString() }, at: ctx.now(),
  });
  return null;
}
