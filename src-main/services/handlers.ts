import type { Contract, MethodName, OutputOf, ParsedInputOf, coreContract, registrationSaveContract } from '../../src-shared/contract/index.ts';
import type { ServiceContext, CallContext } from './context.ts';
import { createUser, listUsers, logIn, sessionInfo, setUp, getStation, type SessionStore } from './accounts.ts';
import { amendRegistration, createRegistration, findRegistrations, registerTruck, registrationHistory, rememberedTare } from './registrations.ts';
import { getSettings, updateSettings } from './settings.ts';
import { appendAudit } from './audit.ts';
import { verifyEvidence } from './evidence/verify.ts';
import { actorOf } from './context.ts';
import { reportsHandlers } from './reports-handlers.ts';
import { certificatesHandlers } from './certificates-handlers.ts';
import { casesHandlers } from './cases-handlers.ts';
import { devicesHandlers } from './devices-handlers.ts';
import type { DeviceManager } from './devices.ts';
import { printingHandlers, type PrintService } from './printing.ts';
import { custodyHandlers } from './custody-handlers.ts';
import { vehiclesHandlers } from './vehicles-handlers.ts';

export type Handler<M extends MethodName> = Contract[M]['roles'] extends 'public'
  ? (ctx: ServiceContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>
  : (ctx: CallContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers of one domain contract (its method names as keys). */
export type DomainHandlers<C> = { [M in keyof C & MethodName]: Handler<M> };

/** Binds every contract method to its service function: each domain's handlers spread in. */
export function createHandlers(sessions: SessionStore, devices: DeviceManager, printing: PrintService): Handlers {
  return {
    ...coreHandlers(sessions),
    ...reportsHandlers(),
    ...certificatesHandlers(),
    ...casesHandlers(),
    ...devicesHandlers(devices),
    ...printingHandlers(printing),
    ...registrationSaveHandlers(),
    ...custodyHandlers(),
    ...vehiclesHandlers(),
  };
}

function registrationSaveHandlers(): DomainHandlers<typeof registrationSaveContract> {
  return { 'registrations.register': (ctx, input) => registerTruck(ctx, input) };
}

function coreHandlers(sessions: SessionStore): DomainHandlers<typeof coreContract> {
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
    'auth.me': (ctx) => sessionInfo(ctx.db, ctx.session),
    'users.list': (ctx) => listUsers(ctx.db),
    'users.create': (ctx, input) => createUser(ctx.db, actorOf(ctx.session), input, ctx.now()),
    'settings.get': (ctx) => getSettings(ctx.db),
    'settings.update': (ctx, input) => updateSettings(ctx.db, actorOf(ctx.session), input, ctx.now()),
    'registrations.create': (ctx, input) => createRegistration(ctx, input),
    'registrations.amend': (ctx, input) => amendRegistration(ctx, input),
    'registrations.get': (ctx, input) => registrationHistory(ctx.db, input.id),
    'registrations.search': (ctx, input) => findRegistrations(ctx.db, input),
    'registrations.lastTare': (ctx, input) => rememberedTare(ctx.db, input.plate),
    'audit.verify': (ctx) => verifyEvidence(ctx.db),
    'app.quit': (ctx) => {
      appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'app.quit', entity: 'app', at: ctx.now() });
      ctx.requestQuit?.();
      return null;
    },
  };
}
