/**
 * The report's results in the items' own units, and every value the check can obtain from them:
 * as reported, converted between bases (GB/T 483), or computed (GB/T 213 Qgr from Qb, Qnet,ar from Qgr,ad).
 */
import { convertBasis, type BasisInputs } from './basis-conversion.ts';
import { grossFromBombAd, netAsReceived } from './calorific-value.ts';
import { BASES, itemLabel, scalesWithBasis, toItemUnit, type Basis, type Item } from './items.ts';
import type { ReportResult } from './report-input.ts';

export interface Measurements {
  /** Values as reported, converted to the item's unit, keyed by itemLabel ("A,ad", "coldStrength"). */
  reported: ReadonlyMap<string, number>;
  inputs: BasisInputs;
}

export function measure(results: readonly ReportResult[]): Measurements {
  const reported = new Map<string, number>();
  for (const r of results) reported.set(itemLabel(r.item, r.basis ?? null), toItemUnit(r.item, r.value, r.unit));
  const madPct = reported.get('M,ad');
  const mtPct = reported.get('Mt,ar');
  const withoutAsh: BasisInputs = { madPct, mtPct };
  const ash = (['d', 'ad', 'ar'] as const)
    .map((b) => (reported.has(`A,${b}`) ? convertBasis(reported.get(`A,${b}`)!, b, 'd', withoutAsh) : undefined))
    .find((c) => c?.ok);
  return { reported, inputs: { ...withoutAsh, ashDryPct: ash?.ok ? ash.value : undefined } };
}

export function reportedBases(m: Measurements, item: Item): Basis[] {
  return BASES.filter((b) => m.reported.has(itemLabel(item, b)));
}

export type Obtained =
  | { ok: true; value: number; from: string }
  /** `needs`: report items (or conversion inputs Mad, Mt, Ad) that would make the value obtainable. */
  | { ok: false; needs: string[] };

const MISSING_INPUT_ITEM = { Mad: 'M,ad', Mt: 'Mt,ar', Ad: 'A' } as const;

function fewestNeeds(attempts: Obtained[], fallback: string[]): Obtained {
  const ok = attempts.find((a) => a.ok);
  if (ok) return ok;
  const failed = attempts.filter((a): a is { ok: false; needs: string[] } => !a.ok);
  failed.sort((a, b) => a.needs.length - b.needs.length);
  return failed[0] ?? { ok: false, needs: fallback };
}

function converted(m: Measurements, item: Item, basis: Basis): Obtained {
  const attempts = reportedBases(m, item).map((from): Obtained => {
    const c = convertBasis(m.reported.get(itemLabel(item, from))!, from, basis, m.inputs);
    return c.ok ? { ok: true, value: c.value, from: itemLabel(item, from) } : { ok: false, needs: c.missing.map((i) => MISSING_INPUT_ITEM[i]) };
  });
  if (item === 'Qgr' && reportedBases(m, 'Qb').length > 0 && !attempts.some((a) => a.ok)) attempts.push(grossFromBomb(m, basis));
  return fewestNeeds(attempts, [item]);
}

/** Qgr,ad = Qb,ad − (94.1·St,ad + α·Qb,ad), then to the wanted basis. */
function grossFromBomb(m: Measurements, basis: Basis): Obtained {
  const bomb = obtain(m, 'Qb', 'ad');
  const sulfur = obtain(m, 'St', 'ad');
  if (!bomb.ok || !sulfur.ok) return { ok: false, needs: [...(bomb.ok ? [] : bomb.needs), ...(sulfur.ok ? [] : sulfur.needs)] };
  const c = convertBasis(grossFromBombAd(bomb.value, sulfur.value), 'ad', basis, m.inputs);
  return c.ok ? { ok: true, value: c.value, from: 'GB/T 213: Qb,ad, St,ad' } : { ok: false, needs: c.missing.map((i) => MISSING_INPUT_ITEM[i]) };
}

/** Qnet,ar = (Qgr,ad − 206·Had)(100 − Mt)/(100 − Mad) − 23·Mt; the only route to Qnet on another basis. */
export function netFromGross(m: Measurements): Obtained {
  const gross = obtain(m, 'Qgr', 'ad');
  const hydrogen = obtain(m, 'H', 'ad');
  const needs = [
    ...(gross.ok ? [] : gross.needs),
    ...(hydrogen.ok ? [] : hydrogen.needs),
    ...(m.inputs.mtPct === undefined ? ['Mt,ar'] : []),
    ...(m.inputs.madPct === undefined ? ['M,ad'] : []),
  ];
  if (!gross.ok || !hydrogen.ok || m.inputs.mtPct === undefined || m.inputs.madPct === undefined) {
    return { ok: false, needs: [...new Set(needs)] };
  }
  const value = netAsReceived({ grossAdMjPerKg: gross.value, hydrogenAdPct: hydrogen.value, mtPct: m.inputs.mtPct, madPct: m.inputs.madPct });
  return { ok: true, value, from: 'GB/T 213: Qgr,ad, H,ad, Mt, Mad' };
}

/** The item's value on `basis` (null for items without a basis), by the most direct route available. */
export function obtain(m: Measurements, item: Item, basis: Basis | null): Obtained {
  const label = itemLabel(item, basis);
  const direct = m.reported.get(label);
  if (direct !== undefined) return { ok: true, value: direct, from: label };
  if (basis === null || !scalesWithBasis(item)) {
    if (item === 'Qnet' && basis === 'ar') {
      const hasGross = reportedBases(m, 'Qgr').length + reportedBases(m, 'Qb').length > 0;
      return hasGross ? netFromGross(m) : { ok: false, needs: [label] };
    }
    return { ok: false, needs: [label] };
  }
  return converted(m, item, basis);
}
