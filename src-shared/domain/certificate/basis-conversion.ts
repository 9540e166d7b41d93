/**
 * GB/T 483 basis conversion (ad 空气干燥基, ar 收到基, d 干燥基, daf 干燥无灰基).
 *
 * Every conversion goes through the dry basis: value_d = value_from × toDry(from), value_to = value_d / toDry(to),
 * with toDry(ad) = 100/(100−Mad), toDry(ar) = 100/(100−Mt), toDry(daf) = (100−Ad)/100. Multiplying these
 * reproduces each cell of the GB/T 483 factor table (e.g. ad→daf = 100/(100−Mad−Aad), because
 * (100−Mad)(100−Ad) = 100(100−Mad−Aad)), and it makes each conversion ask only for the inputs it needs.
 */
import type { Basis } from './items.ts';

/** The moisture and ash figures conversions depend on; Mt is the same quantity as Mar. */
export interface BasisInputs {
  madPct?: number;
  mtPct?: number;
  ashDryPct?: number;
}

export type ConversionInput = 'Mad' | 'Mt' | 'Ad';

export type FactorResult = { ok: true; factor: number } | { ok: false; missing: ConversionInput[] };

function toDryFactor(basis: Basis, inputs: BasisInputs): FactorResult {
  switch (basis) {
    case 'd':
      return { ok: true, factor: 1 };
    case 'ad':
      return inputs.madPct === undefined ? { ok: false, missing: ['Mad'] } : { ok: true, factor: 100 / (100 - inputs.madPct) };
    case 'ar':
      return inputs.mtPct === undefined ? { ok: false, missing: ['Mt'] } : { ok: true, factor: 100 / (100 - inputs.mtPct) };
    case 'daf':
      return inputs.ashDryPct === undefined ? { ok: false, missing: ['Ad'] } : { ok: true, factor: (100 - inputs.ashDryPct) / 100 };
  }
}

/** The factor that turns a value on `from` into the same quantity on `to`, or the inputs that are missing. */
export function basisFactor(from: Basis, to: Basis, inputs: BasisInputs): FactorResult {
  if (from === to) return { ok: true, factor: 1 };
  const fromDry = toDryFactor(from, inputs);
  const toDry = toDryFactor(to, inputs);
  if (fromDry.ok && toDry.ok) return { ok: true, factor: fromDry.factor / toDry.factor };
  return { ok: false, missing: [...(fromDry.ok ? [] : fromDry.missing), ...(toDry.ok ? [] : toDry.missing)] };
}

export type ConversionResult = { ok: true; value: number } | { ok: false; missing: ConversionInput[] };

export function convertBasis(value: number, from: Basis, to: Basis, inputs: BasisInputs): ConversionResult {
  const f = basisFactor(from, to, inputs);
  return f.ok ? { ok: true, value: value * f.factor } : f;
}
