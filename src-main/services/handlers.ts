import type { coreContract, registrationSaveContract } from '../../src-shared/contract/index.ts';
import type { DomainHandlers, Handlers } from './handler.ts';
import { createUser, listUsers, logIn, sessionInfo, setUp, getStation, type SessionStore } from './accounts/accounts.ts';
import { amendRegistration, createRegistration, findRegistrations, registerTruck, registrationHistory, rememberedTare } from './registrations/registrations.ts';
import { getSettings, updateSettings } from './accounts/settings.ts';
import { appendAudit, verifyAudit } from './audit.ts';
import { actorOf } from './context.ts';
import { reportsHandlers } from './reports/handlers.ts';
import { certificatesHandlers } from './certificates/handlers.ts';
import { casesHandlers } from './cases/handlers.ts';
import { devicesHandlers } from './devices/handlers.ts';
import type { DeviceManager } from './devices/devices.ts';
import { printingHandlers, type PrintService } from './printing/printing.ts';
import { custodyHandlers } from './confiscations/handlers.ts';
import { vehiclesHandlers } from './vehicles/handlers.ts';

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

function coreHandlers(sessions: SessionStore): DomainHandlers<Omit<typeof coreContract, 'users.setRoles'>> {
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
    'audit.verify': (ctx) => verifyAudit(ctx.db),
    'app.quit': (ctx) => {
      appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'app.quit', entity: 'app', at: ctx.now() });
      ctx.requestQuit?.();
      return null;
    },
  };
}
