import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { Password, type LoginResult, type User } from './accounts.ts';

const UserId = z.object({ id: z.int().positive() }).strict();

/** A session as an administrator sees it: never its token, only an id to end it by. */
export interface ActiveSession {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  /** ISO instants (UTC); the UI shows them in Beijing time. */
  startedAt: string;
  lastSeenAt: string;
  endsAt: string;
  locked: boolean;
}

/** Sessions the server controls and accounts with a life cycle (disable, reset, change password). */
export const accountLifecycleContract = {
  /** The page locks itself (idle or the lock button): from now on the token can only unlock or log out. */
  'auth.lock': method<null>()(Empty, ROLE_GROUPS.anyone),
  /** The same user types the password again; the old token is revoked and a new one issued. */
  'auth.unlock': method<LoginResult>()(z.object({ password: z.string().max(200) }).strict(), ROLE_GROUPS.anyone),
  'auth.changePassword': method<LoginResult>()(
    z.object({ currentPassword: z.string().max(200), newPassword: Password }).strict(),
    ROLE_GROUPS.anyone,
  ),
  'users.disable': method<User>()(UserId, ROLE_GROUPS.admin),
  'users.enable': method<User>()(UserId, ROLE_GROUPS.admin),
  'users.resetPassword': method<User>()(z.object({ id: z.int().positive(), password: Password }).strict(), ROLE_GROUPS.admin),
  'sessions.list': method<ActiveSession[]>()(Empty, ROLE_GROUPS.admin),
  'sessions.end': method<null>()(z.object({ id: z.string().max(64) }).strict(), ROLE_GROUPS.admin),
} satisfies Record<string, MethodDef>;
