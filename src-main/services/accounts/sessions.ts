import { randomBytes } from 'node:crypto';
import type { ActiveSession } from '../../../src-shared/contract/account-lifecycle.ts';
import type { User } from '../../../src-shared/contract/accounts.ts';
import type { Session } from '../context.ts';
import { ServiceError } from '../errors.ts';

/** A session as the store keeps it. */
export interface LiveSession extends Session {
  /** Names the session to an administrator (sessions.list/end) without revealing the token. */
  id: string;
  startedMs: number;
  /** Idle too long or locked by the page: only auth.unlock and auth.logout are accepted. */
  locked: boolean;
}

/** The server's limits, read from the settings at each call so a change applies at once. */
export interface SessionLimits {
  /** No call for this long locks the session (the page's own inactivity lock is the same length). */
  lockAfterMs: number;
  /** A session ends this long after login, whatever the activity: one shift. */
  lifetimeMs: number;
}

/** What a locked session may still do: prove it is the same user, or leave. */
const LOCKED_ALLOWED = new Set(['auth.unlock', 'auth.logout']);
/** What a user whose password was reset may do before choosing a new one. */
const MUST_CHANGE_ALLOWED = new Set(['auth.changePassword', 'auth.logout', 'auth.me', 'auth.lock', 'auth.unlock']);

/**
 * Holds logged-in sessions in memory: a restart logs everyone out, which is what a kiosk wants. The
 * server, not the page, decides when a session is locked or over.
 */
export class SessionStore {
  private readonly sessions = new Map<string, LiveSession>();

  /** `startedMs` carries over on unlock, so unlocking never extends the shift. */
  open(user: User, nowMs: number, startedMs = nowMs): LiveSession {
    const session: LiveSession = {
      token: randomBytes(24).toString('base64url'), id: randomBytes(9).toString('base64url'), user, startedMs, lastSeenMs: nowMs, locked: false,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session of a token, locked once idle past the limit; an unknown or outlived token is refused. */
  touch(token: string | undefined, nowMs: number, limits: SessionLimits): LiveSession {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || nowMs - session.startedMs >= limits.lifetimeMs) {
      if (token) this.sessions.delete(token);
      throw new ServiceError('unauthorized', 'errors.sessionExpired');
    }
    if (nowMs - session.lastSeenMs >= limits.lockAfterMs) session.locked = true;
    if (!session.locked) session.lastSeenMs = nowMs;
    return session;
  }

  /** Like touch, but not activity: a stream's heartbeat checks the session without keeping it from locking. */
  peek(token: string | undefined, nowMs: number, limits: SessionLimits): LiveSession {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || nowMs - session.startedMs >= limits.lifetimeMs) {
      if (token) this.sessions.delete(token);
      throw new ServiceError('unauthorized', 'errors.sessionExpired');
    }
    if (nowMs - session.lastSeenMs >= limits.lockAfterMs) session.locked = true;
    return session;
  }

  /** Sessions still within their shift and not idle-locked: when none is left, the shift is over (a backup runs). */
  activeCount(nowMs: number, limits: SessionLimits): number {
    return [...this.sessions.values()].filter((s) => nowMs - s.startedMs < limits.lifetimeMs && !s.locked && nowMs - s.lastSeenMs < limits.lockAfterMs).length;
  }

  lock(token: string): void {
    const session = this.sessions.get(token);
    if (session) session.locked = true;
  }

  /** When the token's shift began (a new session after a password change keeps it). */
  startedMs(token: string, nowMs: number): number {
    return this.sessions.get(token)?.startedMs ?? nowMs;
  }

  /** Revokes the old token and issues a new one for the same user and shift. */
  rotate(token: string, user: User, nowMs: number): LiveSession {
    const startedMs = this.startedMs(token, nowMs);
    this.sessions.delete(token);
    return this.open(user, nowMs, startedMs);
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of a user (password changed, account disabled, reset). */
  closeUser(userId: number): number {
    let ended = 0;
    for (const [token, s] of this.sessions) {
      if (s.user.id === userId) {
        this.sessions.delete(token);
        ended++;
      }
    }
    return ended;
  }

  /** Ends a session by its public id; returns it, or undefined when there was none. */
  closeById(id: string): LiveSession | undefined {
    for (const [token, s] of this.sessions) {
      if (s.id === id) {
        this.sessions.delete(token);
        return s;
      }
    }
    return undefined;
  }

  /** Sessions still within their lifetime, oldest first (outlived ones are dropped here). */
  list(nowMs: number, limits: SessionLimits): ActiveSession[] {
    const live: ActiveSession[] = [];
    for (const [token, s] of this.sessions) {
      if (nowMs - s.startedMs >= limits.lifetimeMs) {
        this.sessions.delete(token);
        continue;
      }
      live.push({
        id: s.id, userId: s.user.id, username: s.user.username, displayName: s.user.displayName,
        startedAt: new Date(s.startedMs).toISOString(), lastSeenAt: new Date(s.lastSeenMs).toISOString(),
        endsAt: new Date(s.startedMs + limits.lifetimeMs).toISOString(),
        locked: s.locked || nowMs - s.lastSeenMs >= limits.lockAfterMs,
      });
    }
    return live.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
}

/** Refuses a method the session's state does not allow: a locked session, or a password that must change first. */
export function gateSession(session: LiveSession, method: string): void {
  if (session.locked && !LOCKED_ALLOWED.has(method)) throw new ServiceError('locked', 'account.errors.sessionLocked');
  if (session.user.mustChangePassword && !MUST_CHANGE_ALLOWED.has(method)) {
    throw new ServiceError('forbidden', 'account.errors.mustChangePassword');
  }
}
