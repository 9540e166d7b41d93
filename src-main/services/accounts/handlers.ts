import type { coreContract } from '../../../src-shared/contract/index.ts';
import type { DomainHandlers } from '../handler.ts';
import { actorOf } from '../context.ts';
import { appendAudit } from '../audit.ts';
import { createUser, getStation, listUsers, logIn, sessionInfo, setRoles, setUp } from './accounts.ts';
import type { SessionStore } from './sessions.ts';
import { getSettings, updateSettings } from './settings.ts';
import { verifyEvidence } from '../evidence/verify.ts';

/** Binds set-up, sign-in, users, settings, the audit check and quitting: the core contract without registrations. */
export function accountsHandlers(sessions: SessionStore): DomainHandlers<Omit<typeof coreContract, `registrations.${string}`>> {
  return {
    'setup.status': (ctx) => {
      const station = getStation(ctx.db);
      return { needsSetup: station === null, station };
    },
    'setup.init': (ctx, input) => setUp(ctx, sessions, input),
    'auth.login': (ctx, input) => logIn(ctx, sessions, input.username, input.password),
    'auth.logout': (ctx) => {
      sessions.close(ctx.session.token);
      return null;
    },
    'auth.me': (ctx) => sessionInfo(ctx.db, ctx.session, sessions.startedMs(ctx.session.token, ctx.now().getTime())),
    'users.list': (ctx) => listUsers(ctx.db),
    'users.create': (ctx, input) => createUser(ctx.db, actorOf(ctx.session), input, ctx.now()),
    'users.setRoles': (ctx, input) => setRoles(ctx.db, actorOf(ctx.session), input.id, input.roles, ctx.now()),
    'settings.get': (ctx) => getSettings(ctx.db),
    'settings.update': (ctx, input) => updateSettings(ctx.db, actorOf(ctx.session), input, ctx.now()),
    'audit.verify': (ctx) => verifyEvidence(ctx.db),
    'app.quit': (ctx) => {
      appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'app.quit', entity: 'app', at: ctx.now() });
      ctx.requestQuit?.();
      return null;
    },
  };
}
