import type { VehicleRecord } from '../../src-shared/contract/index.ts';

/** The form's fields a truck's last visit can fill; the values as the kiosk form holds them. */
export type PrefillValues = Partial<Record<(typeof PREFILL_FIELDS)[number], unknown>>;

const PREFILL_FIELDS = [
  'plate', 'trailerPlate', 'plateColor', 'driverName', 'driverIdNumber', 'driverPhone', 'carrier', 'consignee', 'origin', 'destination',
  'destinationInHebei', 'coalKind', 'coalKindOther', 'intendedUse', 'declaredKg', 'hasContract', 'viaDesignatedRoute', 'tareKg',
  'transit',
] as const;
const DRIVER_FIELDS = new Set(['driverName', 'driverIdNumber', 'driverPhone']);

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * What to fill from the last visit: only fields the operator has not filled or changed, never over something
 * typed or read from a card. The driver's details (phone above all) come only with the same driver, or when
 * no driver is on the form yet: another driver of the same truck keeps his own.
 */
export function prefillFrom(v: VehicleRecord, current: PrefillValues, touched: (field: string) => boolean): PrefillValues {
  const last: PrefillValues = {
    plate: v.plate, trailerPlate: v.trailerPlate ?? undefined, plateColor: v.plateColor, driverName: v.driverName,
    driverIdNumber: v.driverIdNumber, driverPhone: v.driverPhone, carrier: v.carrier, consignee: v.consignee, origin: v.origin,
    destination: v.destination, destinationInHebei: v.destinationInHebei, coalKind: v.coalKind, coalKindOther: v.coalKindOther ?? undefined,
    intendedUse: v.intendedUse, declaredKg: v.declaredKg, hasContract: v.hasContract, viaDesignatedRoute: v.viaDesignatedRoute, tareKg: v.lastTareKg,
    transit: v.transit,
  };
  const onForm = String(current.driverIdNumber ?? '').trim().toUpperCase();
  const sameDriver = onForm === '' || onForm === v.driverIdNumber;
  const out: PrefillValues = {};
  for (const field of PREFILL_FIELDS) {
    const value = last[field];
    if (isBlank(value) || touched(field)) continue;
    if (DRIVER_FIELDS.has(field) && !sameDriver) continue;
    // Switches and selects start with a default: untouched, they take the last visit's choice.
    const hasDefault = typeof value === 'boolean' || ['plateColor', 'coalKind', 'intendedUse'].includes(field);
    if (hasDefault || isBlank(current[field])) out[field] = value;
  }
  return out;
}
