/**
 * Issue 10 (1): no verdict passes on a limit that is not loaded. The shipped table has no values for GB 34170
 * and DB13/2081 (reference A2, A3: "NOT FOUND"), so these are the cases a checkpoint meets today.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCertificate, chengdePolicy, fupingPolicy, limitFacts, notLoaded, parsePolicy, shippedLimits, type CertificateResult, type Policy,
  type ReportResult,
} from '../../../src-shared/domain/certificate/index.ts';
import { NOW, exampleResults, replaceResult, report, result } from './fixtures.ts';

const dryResults = (adPct: number, stdPct: number): ReportResult[] => [
  result('M', 'ad', 1.2), result('Mt', 'ar', 6), result('A', 'd', adPct), result('V', 'daf', 9), result('St', 'd', stdPct), result('Qnet', 'ar', 24, 'MJ/kg'),
];
const run = (overrides: object, policy: Policy = chengdePolicy) => checkCertificate(report(overrides), { limits: shippedLimits, policy, now: NOW });
// Distance unknown, so 暂行办法 art.7 (> 600 km) stays out and only the empty grade can stop the release.
const briquette = { coalForm: 'briquette', coalRank: 'anthracite', use: 'civil', destinationInHebei: true, distanceKm: null, results: dryResults(30, 1.5) } as const;
const industrial = { coalForm: 'washed', coalRank: 'bituminous', use: 'industrial', destinationInHebei: true, distanceKm: null, results: dryResults(35, 2.9) } as const;
const grade = (r: CertificateResult, g: string) => r.notLoaded.find((n) => n.grade === g);

describe('regressions of issue 10: an empty table never passes', () => {
  it.each([
    ['civil briquette Ad 30 %, St,d 1.5 % (GB 34170 型煤1号 empty)', briquette, '型煤1号'],
    ['industrial coal Ad 35 %, St,d 2.9 % (DB13/2081 非发电用煤 empty)', industrial, '非发电用煤'],
  ])('%s → incomplete, standard not loaded, 人工核验', (_name, truck, empty) => {
    const r = run(truck);
    expect(r.verdict).toBe('incomplete');
    expect(r.outcome).toBe('review');
    expect(r.standardNotLoaded).toBe(true);
    expect(grade(r, empty)?.core).toEqual(['A', 'St']);
    // The national floor (verified) is still judged and met: the grade that is empty is what stops the release.
    expect(r.items.filter((i) => i.ok === true).every((i) => i.standard === '商品煤质量管理暂行办法')).toBe(true);
    expect(r.reasons[0]!.zh).toBe('适用标准的灰分或硫分限值未载入，人工核验');
    expect(r.reasons.some((x) => x.zh.startsWith(`标准未载入：`) && x.zh.includes(empty) && x.zh.includes('未核验（限值未载入）'))).toBe(true);
    expect(r.reasons.some((x) => x.en.startsWith('Standard not loaded:'))).toBe(true);
  });
  it('the briquette lists each empty row of its grade, none skipped', () => {
    expect(grade(run(briquette), '型煤1号')?.items).toEqual(['A,d', 'St,d', 'Qnet,ar', 'coldStrength', 'dropStrength']);
    const rows = run(briquette).items.filter((i) => i.grade === '型煤1号');
    expect(rows.map((i) => [i.limit, i.ok])).toEqual(Array(5).fill([null, null]));
  });
  it('over 600 km the verified art.7 limit (Ad ≤ 30 %) fails the industrial load outright → seize', () => {
    const r = run({ ...industrial, distanceKm: 850 });
    expect(r).toMatchObject({ verdict: 'fail', outcome: 'seize', onlyUnverifiedFailures: false, standardNotLoaded: true });
  });
  it('the Fuping policy does not release them either', () => {
    expect(run(briquette, fupingPolicy).outcome).not.toBe('release');
    expect(run({ ...industrial, hasContract: true }, fupingPolicy).outcome).not.toBe('release');
  });
  it('a grade with no rows at all is "standard not loaded" for both core items', () => {
    const limits = { ...shippedLimits, rows: shippedLimits.rows.filter((row) => row.grade !== '型煤1号') };
    const r = checkCertificate(report(briquette), { limits, policy: chengdePolicy, now: NOW });
    expect(grade(r, '型煤1号')).toEqual({ standard: 'GB 34170', grade: '型煤1号', core: ['A', 'St'], items: [] });
    expect(r.reasons.some((x) => x.zh === '标准未载入：GB 34170 型煤1号 无灰分、全硫限值，未核验（限值未载入）：灰分、全硫')).toBe(true);
    expect(r.outcome).toBe('review');
  });
  it('once the grade is loaded the same truck is judged on it', () => {
    const limits = {
      ...shippedLimits,
      rows: shippedLimits.rows.map((row) => (row.grade === '型煤1号' && (row.item === 'A' || row.item === 'St') ? { ...row, limit: row.item === 'A' ? 25 : 1 } : row)),
    };
    const r = checkCertificate(report(briquette), { limits, policy: chengdePolicy, now: NOW });
    expect(r.standardNotLoaded).toBe(false);
    expect(r.verdict).toBe('fail');
    expect(r.outcome).toBe('sample'); // the loaded values are still unverified: a confirming test, not seizure
    expect(grade(r, '型煤1号')).toEqual({ standard: 'GB 34170', grade: '型煤1号', core: [], items: ['Qnet,ar', 'coldStrength', 'dropStrength'] });
  });
});

describe('limits not loaded outside ash and sulfur', () => {
  // Computed in each test (not while the file loads) so mutation testing sees which test covers what.
  const r = () => run({});
  it('are listed as 未核验（限值未载入） without stopping a pass on the loaded ash and sulfur limits', () => {
    expect(r().verdict).toBe('pass');
    expect(r().outcome).toBe('release');
    expect(r().standardNotLoaded).toBe(false);
    expect(grade(r(), '无烟1号')).toEqual({ standard: 'GB 34169', grade: '无烟1号', core: [], items: ['Qnet,ar', 'Hg,d', 'As,d', 'P,d', 'Cl,d', 'F,d'] });
    expect(r().reasons).toContainEqual({
      zh: 'GB 34169 无烟1号 未核验（限值未载入）：Qnet,ar、Hg,d、As,d、P,d、Cl,d、F,d',
      en: 'GB 34169 无烟1号 not verified (limit not loaded): Qnet,ar, Hg,d, As,d, P,d, Cl,d, F,d',
    });
  });
  it('a fully loaded truck has none', () => {
    const outside = run({ destinationInHebei: false });
    expect(outside.notLoaded).toEqual([]);
    expect(outside.reasons.some((x) => x.zh.includes('未载入'))).toBe(false);
  });
});

describe('failing only unverified limits', () => {
  it('Ad 13 % against the provisional 无烟1号 ≤ 12 → sample, not seize, and says why', () => {
    const r = run({ results: replaceResult(exampleResults, result('A', 'ad', 13 * 0.988)) });
    expect(r.verdict).toBe('fail');
    expect(r.onlyUnverifiedFailures).toBe(true);
    expect(r.outcome).toBe('sample');
    expect(r.reasons[0]!.zh).toBe('仅不符合未经核实的限值，抽样送检复核');
    expect(r.reasons).toContainEqual({ zh: '所不符合的限值均未经核实（限值待核对），不作为查扣依据', en: expect.stringContaining('unverified') });
  });
  it('with a verified limit failed as well → seize', () => {
    const r = run({ results: replaceResult(exampleResults, result('A', 'ad', 17 * 0.988)) });
    expect(r.onlyUnverifiedFailures).toBe(false);
    expect(r.outcome).toBe('seize');
    expect(r.reasons.some((x) => x.zh.includes('均未经核实'))).toBe(false);
  });
  it('a pass is never "only unverified failures"', () => {
    expect(run({}).onlyUnverifiedFailures).toBe(false);
  });
});

describe('the policy can never release a standard that is not loaded', () => {
  const releasing: Policy = {
    ...chengdePolicy,
    outcomeRules: chengdePolicy.outcomeRules.filter((r) => r.when.standardNotLoaded === undefined && r.when.verdict?.[0] !== 'incomplete'),
  };
  it('a policy without a rule for it gets 人工核验 instead of its default release', () => {
    const r = run(briquette, releasing);
    expect(r.outcome).toBe('review');
    expect(r.reasons[0]).toEqual({ zh: '适用标准限值未载入，人工核验', en: 'The applicable standard is not loaded; an officer decides' });
    // The same policy still releases a report judged in full.
    expect(run({}, releasing).outcome).toBe('release');
  });
  it('a policy file that says "release" for it is refused', () => {
    const bad = JSON.parse(JSON.stringify(chengdePolicy)) as Policy;
    const i = bad.outcomeRules.findIndex((r) => r.when.standardNotLoaded === true);
    bad.outcomeRules[i]!.outcome = 'release';
    const parsed = parsePolicy(bad);
    expect(!parsed.ok && parsed.message).toBe(`outcomeRules.${i}.outcome: a truck checked against a standard that is not loaded is never released`);
  });
});

describe('notLoaded and limitFacts', () => {
  const row = (gradeName: string, item: 'A' | 'St' | 'Qnet', limit: number | null) => ({
    standard: 'S', grade: gradeName, item, basis: item === 'Qnet' ? ('ar' as const) : ('d' as const), limit,
  });
  it('names core items without a value and every empty row, per grade, and skips complete grades', () => {
    const grades = [{ standard: 'S', grade: 'g1' }, { standard: 'S', grade: 'g2' }, { standard: 'T', grade: 'g1' }];
    const rows = [row('g1', 'A', 10), row('g1', 'St', null), row('g1', 'Qnet', null), row('g2', 'A', 1), row('g2', 'St', 1)];
    expect(notLoaded(grades, rows)).toEqual([
      { standard: 'S', grade: 'g1', core: ['St'], items: ['St,d', 'Qnet,ar'] },
      { standard: 'T', grade: 'g1', core: ['A', 'St'], items: [] },
    ]);
  });
  it('a grade with only a non-core empty row is listed but does not stop the verdict', () => {
    const facts = limitFacts([{ standard: 'S', grade: 'g' }], [
      { ...row('g', 'A', 10), ok: true, verified: true }, { ...row('g', 'St', 1), ok: true, verified: true }, { ...row('g', 'Qnet', null), ok: null, verified: false },
    ] as never);
    expect(facts).toEqual({ notLoaded: [{ standard: 'S', grade: 'g', core: [], items: ['Qnet,ar'] }], standardNotLoaded: false, onlyUnverifiedFailures: false });
  });
  it('only-unverified failures need at least one failure, all unverified', () => {
    const item = (ok: boolean | null, verified: boolean) => ({ ...row('g', 'A', 10), ok, verified });
    const sg = [{ standard: 'S', grade: 'g' }];
    expect(limitFacts(sg, [item(false, false), item(true, true)] as never).onlyUnverifiedFailures).toBe(true);
    expect(limitFacts(sg, [item(false, false), item(false, true)] as never).onlyUnverifiedFailures).toBe(false);
    expect(limitFacts(sg, [item(null, false), item(true, false)] as never).onlyUnverifiedFailures).toBe(false);
  });
});
