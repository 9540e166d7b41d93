import type { accountLifecycleContract } from '../../../src-shared/contract/account-lifecycle.ts';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract/index.ts';
import type { CallContext } from '../context.ts';
import { sessionLimits } from './accounts.ts';
import { changeOwnPassword, endSession, resetPassword, setActive, unlock } from './account-lifecycle.ts';
import type { SessionStore } from './sessions.ts';

// Typed here rather than with handlers.ts's DomainHandlers, which would make an import cycle.
type SessionHandlers = {
  [M in keyof typeof accountLifecycleContract]: (ctx: CallContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

export function accountLifecycleHandlers(sessions: SessionStore): SessionHandlers {
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
