import type { accountLifecycleContract } from '../../src-shared/contract/account-lifecycle.ts';
import { sessionLimits } from './accounts.ts';
import { changeOwnPassword, endSession, resetPassword, setActive, unlock } from './account-lifecycle.ts';
import type { DomainHandlers } from './handlers.ts';
import type { SessionStore } from './sessions.ts';

export function accountLifecycleHandlers(sessions: SessionStore): DomainHandlers<typeof accountLifecycleContract> {
  return {
    'auth.lock': (ctx) => {
      sessions.lock(ctx.session.token);
      return null;
    },
    'auth.unlock': (ctx, input) => unlock(ctx, sessions, input.password),
    'auth.changePassword': (ctx, input) => changeOwnPassword(ctx, sessions, input.currentPassword, input.newPassword),
    'users.disable': (ctx, input) => setActive(ctx, sessions, input.id, false),
    'users.enable': (ctx, input) => setActive(ctx, sessions, input.id, true),
    'users.resetPassword': (ctx, input) => resetPassword(ctx, sessions, input.id, input.password),
    'sessions.list': (ctx) => sessions.list(ctx.now().getTime(), sessionLimits(ctx.db)),
    'sessions.end': (ctx, input) => endSession(ctx, sessions, input.id),
  };
}
