import type { vehiclesContract } from '../../../src-shared/contract/vehicles.ts';
import type { DomainHandlers } from '../handler.ts';
import { printTicket } from './tickets.ts';
import { addPick, changePick, knownReport, listPicks, lookUpVehicle } from './vehicles.ts';

export function vehiclesHandlers(): DomainHandlers<typeof vehiclesContract> {
  return {
    'vehicles.lookup': (ctx, input) => lookUpVehicle(ctx.db, input),
    'vehicles.knownReport': (ctx, input) => knownReport(ctx.db, input.reportNumber),
    'picklists.list': (ctx, input) => listPicks(ctx.db, input.kind, input.includeHidden),
    'picklists.add': (ctx, input) => addPick(ctx, input),
    'picklists.update': (ctx, input) => changePick(ctx, input),
    'tickets.print': (ctx, input) => printTicket(ctx, input),
  };
}
