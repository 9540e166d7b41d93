import { createContext, useContext } from 'react';
import type { LoginResult, Role } from '../src-shared/contract/index.ts';
import { holdsAny } from '../src-shared/contract/roles.ts';

export interface SessionValue {
  login: LoginResult;
  logout(): void;
  lock(): void;
  /** A new token for the same user (after a password change): the old one is revoked. */
  renew(r: LoginResult): void;
  /** The lock screen is up: nothing may be saved underneath it. */
  locked: boolean;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a logged-in screen');
  return value;
}

export function hasRole(login: LoginResult, roles: readonly Role[]): boolean {
  return holdsAny(login.user.roles, roles);
}

/**
 * The session survives a refresh of the same tab (sessionStorage: gone with the tab, never shared with
 * another), locked state included, so a refresh neither logs out nor unlocks.
 */
const SESSION_KEY = 'checkpoint.session';

interface StoredSession {
  token: string;
  locked: boolean;
  /** Shown on the lock screen after a refresh, when the locked token may only unlock. */
  username?: string;
}

export function storeSession(s: StoredSession | null): void {
  try {
    if (s) sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage disabled: the session simply does not survive a refresh.
  }
}

export function storedSession(): StoredSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Partial<StoredSession> | null;
    return s && typeof s.token === 'string' ? { token: s.token, locked: s.locked === true, username: typeof s.username === 'string' ? s.username : undefined } : null;
  } catch {
    return null;
  }
}
