// @ts-nocheck
import { createContext, useContext } from 'react';
import type { LoginResult, Role } from '../src-main/contract/index.ts';

export interface SessionValue {
  login: LoginResult;
  logout(): void;
  lock(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a logged-in screen');
  return value;
}

export function hasRole(login: LoginResult, roles: readonly Role[]): boolean {
  return roles.includes(login.user.role);
}
