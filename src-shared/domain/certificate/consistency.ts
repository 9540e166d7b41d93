/**
 * Recomputes values the report gives in more than one form (an item on two bases, Qnet,ar next to
 * Qgr,ad and H,ad, Qgr,ad next to Qb,ad) and lists those that disagree beyond rounding.
 *
 * "Beyond rounding": labs report Mt to 0.1 % and other items to two decimals (GB/T 483 practice), so each
 * reported figure may be off by half of that unit. The tolerance is that rounding carried through the
 * formula (the sum of |f(x + half-unit) − f(x)| over its inputs) plus the compared figure's own rounding.
 */
import { convertBasis, type BasisInputs } from './basis-conversion.ts';
import { grossFromBombAd, netAsReceived } from './calorific-value.ts';
import { ITEMS, itemLabel, scalesWithBasis } from './items.ts';
import { netFromGross, obtain, reportedBases, type Measurements } from './measurements.ts';

export interface Inconsistency {
  /** The reported figure that disagrees, e.g. "A,d". */
  label: string;
  reported: number;
  recomputed: number;
  tolerance: number;
  /** What it was recomputed from, e.g. "A,ad" or "GB/T 213: Qgr,ad, H,ad, Mt, Mad". */
  from: string;
}

function halfUnit(label: string): number {
  return label === 'Mt,ar' ? 0.05 : 0.005;
}

/** Sum of the changes in f when each input in turn moves by its half-unit. */
function propagatedRounding(f: (x: number[]) => number, x: number[], halfUnits: number[]): number {
  const base = f(x);
  return x.reduce((sum, xi, i) => {
    const moved = [...x];
    moved[i] = xi + (halfUnits[i] ?? 0);
    return sum + Math.abs(f(moved) - base);
  }, 0);
}

function check(label: string, reported: number, from: string, f: (x: number[]) => number, x: number[], halfUnits: number[]): Inconsistency | null {
  const recomputed = f(x);
  const tolerance = propagatedRounding(f, x, halfUnits) + halfUnit(label);
  return Math.abs(recomputed - reported) > tolerance ? { label, reported, recomputed, tolerance, from } : null;
}

const INPUT_KEYS = ['madPct', 'mtPct', 'ashDryPct'] as const;
const INPUT_HALF_UNITS = { madPct: 0.005, mtPct: 0.05, ashDryPct: 0.005 };

function basisPairs(m: Measurements): Inconsistency[] {
  const found: Inconsistency[] = [];
  const keys = INPUT_KEYS.filter((k) => m.inputs[k] !== undefined);
  for (const item of ITEMS.filter(scalesWithBasis)) {
    const [first, ...others] = reportedBases(m, item);
    if (!first) continue;
    const fromLabel = itemLabel(item, first);
    for (const to of others) {
      const f = ([value, ...inputs]: number[]) => {
        const basisInputs: BasisInputs = Object.fromEntries(keys.map((k, i) => [k, inputs[i]]));
        const c = convertBasis(value!, first, to, basisInputs);
        return c.ok ? c.value : NaN;
      };
      const x = [m.reported.get(fromLabel)!, ...keys.map((k) => m.inputs[k]!)];
      if (Number.isNaN(f(x))) continue;
      const label = itemLabel(item, to);
      const bad = check(label, m.reported.get(label)!, fromLabel, f, x, [halfUnit(fromLabel), ...keys.map((k) => INPUT_HALF_UNITS[k])]);
      if (bad) found.push(bad);
    }
  }
  return found;
}

function netAgainstGross(m: Measurements): Inconsistency | null {
  const net = m.reported.get('Qnet,ar');
  const derived = netFromGross(m);
  const gross = obtain(m, 'Qgr', 'ad');
  const hydrogen = obtain(m, 'H', 'ad');
  const { mtPct, madPct } = m.inputs;
  if (net === undefined || !derived.ok || !gross.ok || !hydrogen.ok || mtPct === undefined || madPct === undefined) return null;
  const f = ([g, h, mt, mad]: number[]) => netAsReceived({ grossAdMjPerKg: g!, hydrogenAdPct: h!, mtPct: mt!, madPct: mad! });
  return check('Qnet,ar', net, derived.from, f, [gross.value, hydrogen.value, mtPct, madPct], [0.005, 0.005, 0.05, 0.005]);
}

function grossAgainstBomb(m: Measurements): Inconsistency | null {
  const gross = m.reported.get('Qgr,ad');
  const bomb = m.reported.get('Qb,ad');
  const sulfur = obtain(m, 'St', 'ad');
  if (gross === undefined || bomb === undefined || !sulfur.ok) return null;
  const f = ([qb, st]: number[]) => grossFromBombAd(qb!, st!);
  return check('Qgr,ad', gross, 'GB/T 213: Qb,ad, St,ad', f, [bomb, sulfur.value], [0.005, 0.005]);
}

export function findInconsistencies(m: Measurements): Inconsistency[] {
  return [...basisPairs(m), netAgainstGross(m), grossAgainstBomb(m)].filter((i): i is Inconsistency => i !== null);
}
