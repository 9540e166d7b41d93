import { describe, expect, it } from 'vitest';
import {
  JOULES_PER_CALORIE_20C,
  JOULES_PER_CALORIE_IT,
  diffLimits,
  formatLimit,
  fromMjPerKg,
  meetsLimit,
  parseLimitsTable,
  selectLimits,
  shippedLimits,
  toMjPerKg,
  type LimitRow,
} from '../../../src-shared/domain/certificate/index.ts';
import { isEffectiveOn } from '../../../src-shared/domain/certificate/limits.ts';

describe('calorific units', () => {
  it('kcal/kg is the 20 ℃ calorie (4.1816 J); kcal/kg(IT) is 4.1868 J', () => {
    expect(JOULES_PER_CALORIE_20C).toBe(4.1816);
    expect(JOULES_PER_CALORIE_IT).toBe(4.1868);
    expect(toMjPerKg(6284, 'kcal/kg')).toBeCloseTo(26.2772, 4);
    expect(toMjPerKg(6284, 'kcal/kg(IT)')).toBeCloseTo(26.3099, 4);
  });
  it('the worked example: 26 275.5 J/g ≈ 6284 kcal/kg', () => {
    expect(Math.round(fromMjPerKg(toMjPerKg(26275.5, 'J/g'), 'kcal/kg'))).toBe(6284);
  });
  it('J/g and kJ/kg are thousandths of MJ/kg', () => {
    expect(toMjPerKg(26280, 'J/g')).toBeCloseTo(26.28, 12);
    expect(toMjPerKg(26280, 'kJ/kg')).toBeCloseTo(26.28, 12);
    expect(toMjPerKg(26.28, 'MJ/kg')).toBe(26.28);
  });
  it('rejects a non-heat unit', () => {
    expect(() => toMjPerKg(1, '%')).toThrow();
  });
});

describe('every shipped limit at its boundary (full-value comparison)', () => {
  const judged = shippedLimits.rows.filter((r): r is LimitRow & { limit: number } => r.limit !== null);
  const expected: Record<LimitRow['comparison'], [boolean, boolean, boolean]> = {
    '<=': [true, true, false],
    '<': [true, false, false],
    '>=': [false, true, true],
    '>': [false, false, true],
  };
  it('covers the verified 暂行办法 rows including the strict art.9 limits', () => {
    expect(judged.filter((r) => r.comparison === '<').map((r) => `${r.item},${r.basis}<${r.limit}`)).toEqual(['A,d<16', 'St,d<1']);
    expect(judged.filter((r) => r.verified).length).toBe(22);
  });
  for (const row of judged) {
    const [under, equal, over] = expected[row.comparison];
    it(`${row.standard} ${row.grade} ${row.item},${row.basis} ${row.comparison} ${row.limit}`, () => {
      const step = 10 ** -(row.decimals + 1);
      expect(meetsLimit(row.limit - step, row.comparison, row.limit)).toBe(under);
      expect(meetsLimit(row.limit, row.comparison, row.limit)).toBe(equal);
      expect(meetsLimit(row.limit + step, row.comparison, row.limit)).toBe(over);
    });
  }
  it('compares unrounded values: 16.004 fails "< 16" although it displays as 16.00', () => {
    expect(meetsLimit(16.004, '<', 16)).toBe(false);
    expect(meetsLimit(15.9999, '<', 16)).toBe(true);
  });
  it('treats floating-point noise as equality', () => {
    const adDry = (15.808 * 100) / 98.8;
    expect(meetsLimit(adDry, '<=', 16)).toBe(true);
    expect(meetsLimit(adDry, '<', 16)).toBe(false);
  });
});

describe('limits table schema', () => {
  const good = shippedLimits.rows[0]!;
  const table = (rows: unknown[]) => ({ version: 't', rows });
  it('accepts the shipped table', () => {
    expect(parseLimitsTable(JSON.parse(JSON.stringify(shippedLimits))).ok).toBe(true);
  });
  it.each([
    [{ ...good, unit: 'MJ/kg' }, 'rows.0.unit'],
    [{ ...good, basis: null }, 'rows.0.basis'],
    [{ ...good, limit: null, verified: true }, 'rows.0.limit'],
    [{ ...good, comparison: '=<' }, 'rows.0.comparison'],
    [{ ...good, effectiveFrom: '2015-02-30' }, 'rows.0.effectiveFrom'],
    [{ ...good, effectiveTo: '2014-01-01' }, 'rows.0.effectiveTo'],
  ])('rejects a bad row naming the field (%#)', (row, path) => {
    const parsed = parseLimitsTable(table([row]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(path);
  });
  it('rejects duplicate rows', () => {
    const parsed = parseLimitsTable(table([good, good]));
    expect(!parsed.ok && parsed.message).toContain('duplicate');
  });
});

describe('selectLimits', () => {
  it('picks rows by standard, grade and effective date', () => {
    const sel = selectLimits(shippedLimits, [{ standard: '商品煤质量管理暂行办法', grade: '京津冀及周边地区散煤' }], '2020-11-01');
    expect(sel.rows.map((r) => r.item)).toEqual(['A', 'St']);
    expect(sel.unknown).toEqual([]);
  });
  it('reports a grade with no row in force', () => {
    const sel = selectLimits(shippedLimits, [{ standard: '商品煤质量管理暂行办法', grade: '褐煤' }], '2014-12-31');
    expect(sel.rows).toEqual([]);
    expect(sel.unknown).toEqual([{ standard: '商品煤质量管理暂行办法', grade: '褐煤' }]);
  });
});

describe('diffLimits (admin import preview)', () => {
  it('lists added, removed and changed rows', () => {
    const rows = shippedLimits.rows;
    const corrected = rows
      .filter((r) => !(r.standard === 'GB 34170' && r.grade === '型煤2号' && r.item === 'A'))
      .map((r) => (r.standard === 'GB 34169' && r.grade === '无烟1号' && r.item === 'A' ? { ...r, limit: 12.5, verified: true } : r));
    const added: LimitRow = { ...rows[0]!, grade: '新等级' };
    const diff = diffLimits(shippedLimits, { version: 'new', rows: [...corrected, added] });
    expect(diff.added).toEqual([added]);
    expect(diff.removed.map((r) => `${r.standard} ${r.grade} ${r.item}`)).toEqual(['GB 34170 型煤2号 A']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.fields.sort()).toEqual(['limit', 'verified']);
  });
  it('is empty for the same table', () => {
    expect(diffLimits(shippedLimits, shippedLimits)).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('limits in force and their display', () => {
  const row = { ...shippedLimits.rows[0]!, effectiveFrom: '2020-01-01', effectiveTo: '2020-12-31' };
  it('a row is in force from its first day to its last day inclusive', () => {
    expect(['2019-12-31', '2020-01-01', '2020-12-31', '2021-01-01'].map((d) => isEffectiveOn(row, d))).toEqual([false, true, true, false]);
    expect(isEffectiveOn({ ...row, effectiveTo: null }, '2099-01-01')).toBe(true);
  });
  it('shows each comparison with the row decimals, and "?" while the value is not loaded', () => {
    const shown = (['<=', '<', '>=', '>'] as const).map((comparison) => formatLimit({ ...row, comparison, limit: 16, decimals: 1 }));
    expect(shown).toEqual(['≤ 16.0', '< 16.0', '≥ 16.0', '> 16.0']);
    expect(formatLimit({ ...row, comparison: '>=', limit: null })).toBe('≥ ?');
  });
  it('tolerates noise relative to the limit (1e-9 of it), not an absolute 1e-9', () => {
    expect(meetsLimit(16 + 5e-9, '<=', 16)).toBe(true);
    expect(meetsLimit(16 + 5e-9, '>', 16)).toBe(false);
    expect(meetsLimit(16 + 2e-8, '<=', 16)).toBe(false);
    expect(meetsLimit(0.5 + 5e-10, '<=', 0.5)).toBe(true);
    expect(meetsLimit(0.5 + 2e-9, '<=', 0.5)).toBe(false);
  });
});
