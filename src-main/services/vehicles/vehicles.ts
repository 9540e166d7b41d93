/**
 * The vehicle register and pick lists: kept up to date by every registration save (same transaction), read
 * by the kiosk to pre-fill a returning truck and to offer places and parties without a Chinese input method.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/open.ts';
import {
  findPick, getPick, insertPick, latestReport, learnPicks, listPicks, rememberVisit, updatePick, vehicleByDriver, vehicleByPlate,
} from '../../../db/vehicles-repo.ts';
import type { Registration } from '../../../src-shared/contract/registration.ts';
import type { KnownReport, PickAddInput, PickEntry, PickUpdateInput, VehicleLookupInput, VehicleRecord } from '../../../src-shared/contract/vehicles.ts';
import { normalizePlate } from '../../../src-shared/domain/plate.ts';
import type { CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { mutate } from '../mutate.ts';

/** Call inside the save's transaction: the register and the pick lists then never disagree with the ledger. */
export function rememberRegistration(db: Db, reg: Registration, newVisit: boolean): void {
  rememberVisit(db, reg, newVisit);
  learnPicks(db, [
    { kind: 'origin', value: reg.origin }, { kind: 'destination', value: reg.destination },
    { kind: 'carrier', value: reg.carrier }, { kind: 'consignee', value: reg.consignee },
  ], reg.registeredAt);
}

export function lookUpVehicle(db: Db, input: z.output<typeof VehicleLookupInput>): VehicleRecord | null {
  if ('plate' in input) return vehicleByPlate(db, normalizePlate(input.plate));
  return vehicleByDriver(db, input.driverIdNumber.trim().toUpperCase());
}

export function knownReport(db: Db, reportNumber: string): KnownReport | null {
  return latestReport(db, reportNumber.trim());
}

export function addPick(ctx: CallContext, input: z.output<typeof PickAddInput>): PickEntry {
  return mutate(ctx, (tx) => {
    if (findPick(ctx.db, input.kind, input.value)) throw new ServiceError('conflict', 'picklists.duplicate', { value: input.value });
    const id = insertPick(ctx.db, input.kind, input.value);
    const entry = getPick(ctx.db, id)!;
    tx.audit({ action: 'picklists.add', entity: 'pick_list_entry', entityId: id, after: entry });
    return entry;
  });
}

/** Renames (spelling) or hides an entry; a hidden entry is no longer offered or learned. */
export function changePick(ctx: CallContext, input: z.output<typeof PickUpdateInput>): PickEntry {
  return mutate(ctx, (tx) => {
    const before = getPick(ctx.db, input.id);
    if (!before) throw new ServiceError('not-found', 'picklists.notFound');
    const value = input.value ?? before.value;
    const other = findPick(ctx.db, before.kind, value);
    if (other && other.id !== before.id) throw new ServiceError('conflict', 'picklists.duplicate', { value });
    updatePick(ctx.db, before.id, { value, hidden: input.hidden ?? before.hidden });
    const after = getPick(ctx.db, before.id)!;
    tx.audit({ action: 'picklists.update', entity: 'pick_list_entry', entityId: before.id, before, after });
    return after;
  });
}

export { listPicks };
