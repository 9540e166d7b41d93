import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCertificate, shippedLimits, type ReportResult } from '../../../src-shared/domain/certificate/index.ts';
import { NOW, chengdePolicy, exampleResults, replaceResult, report, result } from './fixtures.ts';

const ctx = { limits: shippedLimits, policy: chengdePolicy, now: NOW };
const check = (results: ReportResult[], overrides = {}) => checkCertificate(report({ results, ...overrides }), ctx);
const item = (r: ReturnType<typeof check>, grade: string, label: string) => r.items.find((i) => i.grade === grade && `${i.item},${i.basis}` === label);

describe('the issue example (lab-sampled)', () => {
  // Computed in each test (not while the file loads) so mutation testing sees which test covers what.
  const r = () => check(exampleResults);
  it('passes and is released, marked provisional, with versions', () => {
    expect(r().verdict).toBe('pass');
    expect(r().outcome).toBe('release');
    expect(r().provisional).toBe(true);
    expect(r().versions).toEqual({ policy: 'chengde-2020.2', limits: shippedLimits.version });
    expect(r().signals).toEqual([]);
    expect(r().missing).toEqual([]);
  });
  it('applies the national floor, art.7 (850 km), art.9 and GB 34169 无烟1号', () => {
    expect(r().checked.map((c) => c.grade)).toEqual(['其他煤种', '其他煤种·运距超过600公里', '京津冀及周边地区散煤', '无烟1号']);
  });
  it('converts to the limit basis and keeps the unrounded value', () => {
    const ad = item(r(), '京津冀及周边地区散煤', 'A,d')!;
    expect(ad).toMatchObject({ display: '11.64', from: 'A,ad', limit: 16, comparison: '<', ok: true, verified: true, clause: '第九条' });
    expect(ad.value).toBeCloseTo(11.6397, 4);
    expect(item(r(), '无烟1号', 'V,daf')).toMatchObject({ display: '9.62', ok: true, verified: false });
    expect(item(r(), '无烟1号', 'St,d')!.value).toBeCloseTo(0.35425, 5);
  });
  it('shows untranscribed limits without judging them', () => {
    expect(item(r(), '无烟1号', 'Qnet,ar')).toMatchObject({ limit: null, ok: null, display: '26.28' });
  });
});

describe('fail', () => {
  it('Ad exactly 16.00 fails 暂行办法 art.9 ("<") but not GB 34169 无烟2号-style "≤"', () => {
    const r = check(replaceResult(exampleResults, result('A', 'ad', 15.808)));
    expect(r.verdict).toBe('fail');
    expect(r.outcome).toBe('seize');
    expect(item(r, '京津冀及周边地区散煤', 'A,d')).toMatchObject({ ok: false, display: '16.00' });
    expect(item(r, '其他煤种', 'A,d')!.ok).toBe(true);
    expect(r.reasons.some((x) => x.zh.includes('第九条') && x.zh.includes('A,d = 16.00') && x.zh.includes('< 16.00'))).toBe(true);
    expect(r.reasons.some((x) => x.en.includes('limit < 16.00 %'))).toBe(true);
  });
  it('a low Qnet,ar given in kcal/kg fails art.7 after unit conversion', () => {
    const r = check(replaceResult(exampleResults, result('Qnet', 'ar', 4250, 'kcal/kg')));
    expect(item(r, '其他煤种·运距超过600公里', 'Qnet,ar')).toMatchObject({ ok: false, display: '17.77' });
    expect(r.verdict).toBe('fail');
  });
  it('art.7 is not applied when the distance is unknown or 600 km', () => {
    for (const distanceKm of [null, 600]) {
      const r = check(exampleResults, { distanceKm });
      expect(r.checked.map((c) => c.grade)).not.toContain('其他煤种·运距超过600公里');
    }
  });
});

describe('incomplete', () => {
  it('a needed item not reported', () => {
    const r = check(exampleResults.filter((x) => x.item !== 'V'));
    expect(r.verdict).toBe('incomplete');
    expect(r.outcome).toBe('sample');
    expect(r.missing).toEqual([{ item: 'V,daf', needs: ['V'], kind: 'not-reported' }]);
  });
  it('a conversion input missing (Mad)', () => {
    const r = check(exampleResults.filter((x) => x.item !== 'M'));
    expect(r.verdict).toBe('incomplete');
    expect(r.missing).toContainEqual({ item: 'A,d', needs: ['M,ad'], kind: 'conversion-input' });
    expect(r.reasons.some((x) => x.zh.includes('无法折算 A,d'))).toBe(true);
  });
  it('Qnet,ar derived from Qgr,ad by GB/T 213 when not reported; its inputs are asked for when missing', () => {
    const withGross = [...exampleResults.filter((x) => x.item !== 'Qnet'), result('Qgr', 'ad', 28.42, 'MJ/kg'), result('H', 'ad', 3.2)];
    const r = check(withGross);
    expect(item(r, '其他煤种·运距超过600公里', 'Qnet,ar')).toMatchObject({ display: '26.27', from: 'GB/T 213: Qgr,ad, H,ad, Mt, Mad', ok: true });
    const noH = check(withGross.filter((x) => x.item !== 'H'));
    expect(noH.missing).toContainEqual({ item: 'Qnet,ar', needs: ['H'], kind: 'conversion-input' });
  });
  it('Qgr,ad derived from Qb,ad and St,ad (worked example)', () => {
    const r = check([...exampleResults.filter((x) => x.item !== 'Qnet'), result('Qb', 'ad', 28.5, 'MJ/kg'), result('H', 'ad', 3.2)]);
    expect(item(r, '其他煤种·运距超过600公里', 'Qnet,ar')!.value).toBeCloseTo(26.2755, 4);
  });
  it('harmful elements are judged only when reported', () => {
    const r = check([...exampleResults, result('Hg', 'ad', 0.7, 'μg/g')]);
    expect(item(r, '其他煤种', 'Hg,d')).toMatchObject({ ok: false });
    expect(r.verdict).toBe('fail');
  });
});

describe('invalid', () => {
  it.each<[string, ReportResult[], object, string]>([
    ['negative value', replaceResult(exampleResults, result('St', 'ad', -0.1)), {}, '负值'],
    ['Mad above Mt', replaceResult(exampleResults, result('Mt', 'ar', 1.0)), {}, 'Mad'],
    ['ad sum above 100', replaceResult(exampleResults, result('V', 'ad', 90)), {}, 'Mad + Aad + Vad'],
    ['ash on daf', [...exampleResults, result('A', 'daf', 5)], {}, 'A,daf'],
    ['heat above any coal', replaceResult(exampleResults, result('Qnet', 'ar', 45, 'MJ/kg')), {}, '发热量'],
    ['report before sampling', exampleResults, { sampledOn: '2026-11-23' }, '采样日期'],
  ])('%s', (_name, results, overrides, reasonPart) => {
    const r = check(results, overrides);
    expect(r.verdict).toBe('invalid');
    expect(r.outcome).toBe('seize');
    expect(r.reasons.some((x) => x.zh.includes(reasonPart))).toBe(true);
  });
});

describe('inconsistent-derived', () => {
  it('flags an Ad that does not follow from Aad and Mad', () => {
    const r = check([...exampleResults, result('A', 'd', 11.9)]);
    expect(r.signals.map((s) => s.code)).toEqual(['inconsistent-derived']);
    expect(r.outcome).toBe('sample');
  });
  it('accepts figures that agree within rounding', () => {
    const r = check([...exampleResults, result('A', 'd', 11.64), result('V', 'daf', 9.62), result('St', 'd', 0.35), result('Qgr', 'ad', 28.42, 'MJ/kg'), result('H', 'ad', 3.2)]);
    expect(r.signals).toEqual([]);
  });
  it('flags a Qnet,ar that does not follow from Qgr,ad, H, Mt and Mad', () => {
    const r = check([...replaceResult(exampleResults, result('Qnet', 'ar', 26.6, 'MJ/kg')), result('Qgr', 'ad', 28.42, 'MJ/kg'), result('H', 'ad', 3.2)]);
    expect(r.signals.map((s) => s.code)).toEqual(['inconsistent-derived']);
    expect(r.signals[0]!.en).toContain('Qnet,ar');
  });
  it('flags a Qgr,ad that does not follow from Qb,ad and St,ad', () => {
    const r = check([...exampleResults, result('Qb', 'ad', 28.5, 'MJ/kg'), result('Qgr', 'ad', 28.2, 'MJ/kg')]);
    expect(r.signals[0]!.zh).toContain('Qgr,ad');
  });
});

describe('properties', () => {
  const lessIsBetter = ['A', 'V', 'St'] as const;
  it('raising any "≤"-limited item never turns a fail into a pass', () => {
    fc.assert(
      fc.property(
        fc.record({ A: fc.double({ min: 5, max: 30, noNaN: true }), V: fc.double({ min: 2, max: 30, noNaN: true }), St: fc.double({ min: 0.1, max: 2, noNaN: true }) }),
        fc.constantFrom(...lessIsBetter),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (values, raised, by) => {
          const results = (v: typeof values) => [result('M', 'ad', 1.2), result('Mt', 'ar', 6), result('Qnet', 'ar', 26, 'MJ/kg'), ...lessIsBetter.map((k) => result(k, 'ad', v[k]))];
          const before = check(results(values)).verdict;
          const after = check(results({ ...values, [raised]: values[raised] + by })).verdict;
          if (before === 'fail') expect(after).not.toBe('pass');
          if (before === 'pass' || before === 'fail') expect(['pass', 'fail']).toContain(after);
        },
      ),
      { numRuns: 200 },
    );
  });
});
