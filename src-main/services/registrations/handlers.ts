import type { HandlersOf } from '../handler.ts';
import { amendRegistration, createRegistration, findRegistrations, registerTruck, registrationHistory, rememberedTare } from './registrations.ts';
import { maskedPage, revisionsForCaller } from '../data-protection/personal-data.ts';

/** Binds the weighbridge registrations (the core contract's and the kiosk's one-step save). */
export function registrationsHandlers(): HandlersOf<`registrations.${string}`> {
  return {
    'registrations.create': (ctx, input) => createRegistration(ctx, input),
    'registrations.amend': (ctx, input) => amendRegistration(ctx, input),
    'registrations.get': (ctx, input) => revisionsForCaller(ctx, registrationHistory(ctx.db, input.id)),
    'registrations.search': (ctx, input) => maskedPage(findRegistrations(ctx.db, input)),
    'registrations.lastTare': (ctx, input) => rememberedTare(ctx.db, input.plate),
    'registrations.register': (ctx, input) => registerTruck(ctx, input),
  };
}
