/**
 * The catalogue of coal-quality items a report may carry and a limit may name: one place that says which
 * unit and which basis each item may have, so the input schema, the limit schema and the check agree.
 */
import { toMjPerKg } from './calorific-units.ts';

export const BASES = ['ar', 'ad', 'd', 'daf'] as const;
/** GB/T 483 bases: ar 收到基, ad 空气干燥基, d 干燥基, daf 干燥无灰基. */
export type Basis = (typeof BASES)[number];

export const ITEMS = [
  'Mt', 'M', 'A', 'V', 'St', 'Qb', 'Qgr', 'Qnet', 'H',
  'Hg', 'As', 'P', 'Cl', 'F', 'coldStrength', 'dropStrength',
] as const;
export type Item = (typeof ITEMS)[number];

/**
 * How an item behaves:
 * - `fraction`: a mass fraction in % that scales with the basis (A, V, St, H, P, Cl);
 * - `trace`: a mass fraction in μg/g that scales the same way (Hg, As, F);
 * - `heat`: a calorific value in MJ/kg; Qb and Qgr scale with the basis, Qnet does not (GB/T 213 is needed);
 * - `moisture`: total moisture Mt exists only as received, Mad only air-dried;
 * - `strength`: briquette strength, no basis.
 */
export type ItemKind = 'fraction' | 'trace' | 'heat' | 'moisture' | 'strength';

export interface ItemInfo {
  kind: ItemKind;
  /** Unit limits and converted values are expressed in. */
  unit: string;
  /** The only basis the item can be reported on, for moisture items; null for strength items. */
  fixedBasis?: Basis | null;
  zh: string;
  en: string;
}

export const ITEM_INFO: Record<Item, ItemInfo> = {
  Mt: { kind: 'moisture', unit: '%', fixedBasis: 'ar', zh: '全水分', en: 'total moisture' },
  M: { kind: 'moisture', unit: '%', fixedBasis: 'ad', zh: '空气干燥基水分', en: 'air-dried moisture' },
  A: { kind: 'fraction', unit: '%', zh: '灰分', en: 'ash' },
  V: { kind: 'fraction', unit: '%', zh: '挥发分', en: 'volatile matter' },
  St: { kind: 'fraction', unit: '%', zh: '全硫', en: 'total sulfur' },
  H: { kind: 'fraction', unit: '%', zh: '氢', en: 'hydrogen' },
  P: { kind: 'fraction', unit: '%', zh: '磷', en: 'phosphorus' },
  Cl: { kind: 'fraction', unit: '%', zh: '氯', en: 'chlorine' },
  Hg: { kind: 'trace', unit: 'μg/g', zh: '汞', en: 'mercury' },
  As: { kind: 'trace', unit: 'μg/g', zh: '砷', en: 'arsenic' },
  F: { kind: 'trace', unit: 'μg/g', zh: '氟', en: 'fluorine' },
  Qb: { kind: 'heat', unit: 'MJ/kg', zh: '弹筒发热量', en: 'bomb calorific value' },
  Qgr: { kind: 'heat', unit: 'MJ/kg', zh: '高位发热量', en: 'gross calorific value' },
  Qnet: { kind: 'heat', unit: 'MJ/kg', zh: '低位发热量', en: 'net calorific value' },
  coldStrength: { kind: 'strength', unit: 'N/个', fixedBasis: null, zh: '冷压强度', en: 'cold compressive strength' },
  dropStrength: { kind: 'strength', unit: '%', fixedBasis: null, zh: '跌落强度', en: 'drop strength' },
};

/** Units a report may use besides the item's own; values are converted to the item's unit before comparison. */
const TRACE_UNITS = ['μg/g', 'ug/g', 'mg/kg'] as const;
const HEAT_UNITS = ['MJ/kg', 'kJ/kg', 'J/g', 'kcal/kg', 'kcal/kg(IT)'] as const;

export function acceptedUnits(item: Item): readonly string[] {
  const { kind, unit } = ITEM_INFO[item];
  if (kind === 'trace') return TRACE_UNITS;
  if (kind === 'heat') return HEAT_UNITS;
  return [unit];
}

/** Items whose value scales with the basis by the GB/T 483 factors. */
export function scalesWithBasis(item: Item): boolean {
  const { kind } = ITEM_INFO[item];
  return kind === 'fraction' || kind === 'trace' || item === 'Qb' || item === 'Qgr';
}

/** "St,d", "Qnet,ar", "coldStrength": the notation used in reasons and displays. */
export function itemLabel(item: Item, basis: Basis | null): string {
  return basis ? `${item},${basis}` : item;
}

/** Converts a reported value to the item's own unit (MJ/kg for heat, μg/g for trace elements). */
export function toItemUnit(item: Item, value: number, unit: string): number {
  return ITEM_INFO[item].kind === 'heat' ? toMjPerKg(value, unit) : value;
}
