import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASES, basisFactor, convertBasis, grossFromBombAd, netAsReceived, nitricAcidAlpha, type Basis } from '../../../src-shared/domain/certificate/index.ts';
import { WORKED } from './fixtures.ts';

const { madPct, aadPct, vadPct, stadPct, mtPct, hadPct, qbAdMjPerKg } = WORKED;
const adDry = (aadPct * 100) / (100 - madPct);
const inputs = { madPct, mtPct, ashDryPct: adDry };

describe('GB/T 483 worked example (reference A4.4)', () => {
  it('Ad = 11.64 %', () => {
    const c = convertBasis(aadPct, 'ad', 'd', inputs);
    expect(c.ok && c.value.toFixed(2)).toBe('11.64');
  });
  it('Vdaf = 9.62 %', () => {
    const c = convertBasis(vadPct, 'ad', 'daf', inputs);
    expect(c.ok && c.value.toFixed(2)).toBe('9.62');
  });
  it('St,d = 0.3543 before rounding', () => {
    const c = convertBasis(stadPct, 'ad', 'd', inputs);
    expect(c.ok && c.value.toFixed(4)).toBe('0.3543');
  });
  it('α = 0.0016, Qgr,ad = 28 421.5 J/g, Qnet,v,ar = 26 275.5 J/g = 26.28 MJ/kg', () => {
    expect(nitricAcidAlpha(qbAdMjPerKg)).toBe(0.0016);
    const gross = grossFromBombAd(qbAdMjPerKg, stadPct);
    expect((gross * 1000).toFixed(1)).toBe('28421.5');
    const net = netAsReceived({ grossAdMjPerKg: gross, hydrogenAdPct: hadPct, mtPct, madPct });
    expect((net * 1000).toFixed(1)).toBe('26275.5');
    expect(net.toFixed(2)).toBe('26.28');
  });
  it('α thresholds at 16.70 and 25.10 MJ/kg', () => {
    expect(nitricAcidAlpha(16.7)).toBe(0.001);
    expect(nitricAcidAlpha(16.71)).toBe(0.0012);
    expect(nitricAcidAlpha(25.1)).toBe(0.0012);
    expect(nitricAcidAlpha(25.11)).toBe(0.0016);
  });
});

describe('the factor table of GB/T 483 (reference A4.3), cell by cell', () => {
  const Mad = 1.2;
  const Mar = 6.0;
  const Aad = 11.5;
  const Ad = (Aad * 100) / (100 - Mad);
  const Aar = (Ad * (100 - Mar)) / 100;
  const table: Record<Basis, Record<Basis, number>> = {
    ad: { ar: (100 - Mar) / (100 - Mad), ad: 1, d: 100 / (100 - Mad), daf: 100 / (100 - Mad - Aad) },
    ar: { ar: 1, ad: (100 - Mad) / (100 - Mar), d: 100 / (100 - Mar), daf: 100 / (100 - Mar - Aar) },
    d: { ar: (100 - Mar) / 100, ad: (100 - Mad) / 100, d: 1, daf: 100 / (100 - Ad) },
    daf: { ar: (100 - Mar - Aar) / 100, ad: (100 - Mad - Aad) / 100, d: (100 - Ad) / 100, daf: 1 },
  };
  for (const from of BASES) {
    for (const to of BASES) {
      it(`${from} → ${to}`, () => {
        const f = basisFactor(from, to, { madPct: Mad, mtPct: Mar, ashDryPct: Ad });
        expect(f.ok).toBe(true);
        if (f.ok) expect(f.factor).toBeCloseTo(table[from][to], 12);
      });
    }
  }
  it('hand-computed: Aar 10 % at Mt 8 % is Ad 10.87 %', () => {
    const c = convertBasis(10, 'ar', 'd', { mtPct: 8 });
    expect(c.ok && c.value.toFixed(2)).toBe('10.87');
  });
});

describe('missing conversion inputs', () => {
  it.each<[Basis, Basis, object, string[]]>([
    ['ad', 'd', {}, ['Mad']],
    ['ar', 'd', { madPct: 1 }, ['Mt']],
    ['ad', 'ar', { madPct: 1 }, ['Mt']],
    ['ad', 'daf', { madPct: 1 }, ['Ad']],
    ['ar', 'daf', {}, ['Mt', 'Ad']],
  ])('%s → %s with %o needs %o', (from, to, given, missing) => {
    expect(basisFactor(from, to, given)).toEqual({ ok: false, missing });
  });
  it('the same basis needs nothing', () => {
    expect(convertBasis(5, 'daf', 'daf', {})).toEqual({ ok: true, value: 5 });
  });
});

describe('properties', () => {
  const pct = (max: number) => fc.double({ min: 0, max, noNaN: true });
  it('converting to a basis and back returns the value', () => {
    fc.assert(
      fc.property(pct(100), pct(30), pct(40), pct(60), fc.constantFrom(...BASES), fc.constantFrom(...BASES), (value, mad, mtExtra, ash, from, to) => {
        const inputs = { madPct: mad, mtPct: Math.min(mad + mtExtra, 70), ashDryPct: ash };
        const there = convertBasis(value, from, to, inputs);
        if (!there.ok) throw new Error('inputs were given');
        const back = convertBasis(there.value, to, from, inputs);
        expect(back.ok && back.value).toBeCloseTo(value, 9);
      }),
    );
  });
});
