import { describe, expect, it } from 'vitest';
import {
  checkCertificate,
  chengdePolicy,
  fupingPolicy,
  parsePolicy,
  policyGaps,
  shippedLimits,
  standardsToCheck,
  type NoReportInput,
  type Policy,
  type SignalCode,
} from '../../../src-shared/domain/certificate/index.ts';
import { NOW, exampleResults, replaceResult, report, result } from './fixtures.ts';

const run = (policy: Policy, overrides = {}, labs?: { name: string; cmaNumber?: string; validUntil?: string }[]) =>
  checkCertificate(report(overrides), { limits: shippedLimits, policy, recognisedLabs: labs, now: NOW });
const noReport = (overrides: Partial<NoReportInput> = {}): NoReportInput => ({
  reportNumber: null,
  arrivedAt: '2026-11-28T09:15:00+08:00',
  coalForm: 'loose',
  use: 'civil',
  destinationInHebei: true,
  ...overrides,
});
const failing = { results: replaceResult(exampleResults, result('St', 'ad', 1.2)) };

describe('shipped policies', () => {
  it('validate, and every standard/grade they name has limits in the shipped table', () => {
    for (const p of [chengdePolicy, fupingPolicy]) {
      expect(parsePolicy(JSON.parse(JSON.stringify(p))).ok).toBe(true);
      expect(policyGaps(p, shippedLimits, '2020-11-01')).toEqual([]);
    }
  });
  it.each([
    [{ coalForm: 'briquette', coalRank: 'bituminous', use: 'civil', destinationInHebei: true }, ['其他煤种', '型煤1号']],
    [{ coalForm: 'honeycomb', coalRank: 'anthracite', use: 'civil', destinationInHebei: true }, ['其他煤种', '蜂窝煤1号']],
    [{ coalForm: 'loose', coalRank: 'lignite', use: 'industrial', destinationInHebei: true, distanceKm: 700 }, ['褐煤', '褐煤·运距超过600公里', '非发电用煤']],
    [{ coalForm: 'loose', coalRank: 'anthracite', use: 'civil', destinationInHebei: false }, ['其他煤种']],
    [{ coalForm: 'semi-coke', coalRank: 'bituminous', use: 'civil', destinationInHebei: true }, ['其他煤种', '京津冀及周边地区散煤', '无烟1号']],
  ] as const)('maps a truck to standards and grades (%#)', (truck, grades) => {
    expect(standardsToCheck(chengdePolicy, truck).map((s) => s.grade)).toEqual(grades);
  });
  it('rejects a policy with an unknown outcome, naming the field', () => {
    const bad = { ...JSON.parse(JSON.stringify(chengdePolicy)), defaultOutcome: { outcome: 'wave-through', reason: { zh: 'x', en: 'x' } } };
    const parsed = parsePolicy(bad);
    expect(!parsed.ok && parsed.message).toContain('defaultOutcome.outcome');
  });
});

describe('Chengde 2020 outcomes', () => {
  it.each([
    ['no report → seize', () => checkCertificate(noReport(), { limits: shippedLimits, policy: chengdePolicy, now: NOW }), 'seize', 'incomplete'],
    ['pass → release', () => run(chengdePolicy), 'release', 'pass'],
    ['fail → seize', () => run(chengdePolicy, failing), 'seize', 'fail'],
    ['invalid → seize', () => run(chengdePolicy, { results: replaceResult(exampleResults, result('A', 'ad', -1)) }), 'seize', 'invalid'],
    ['incomplete → sample', () => run(chengdePolicy, { results: exampleResults.filter((r) => r.item !== 'St') }), 'sample', 'incomplete'],
    ['pass with a signal → sample', () => run(chengdePolicy, { sampleOrigin: 'client' }), 'sample', 'pass'],
  ] as const)('%s', (_name, make, outcome, verdict) => {
    const r = make();
    expect(r.outcome).toBe(outcome);
    expect(r.verdict).toBe(verdict);
    expect(r.versions.policy).toBe('chengde-2020.2');
  });
});

describe('Fuping 2020 outcomes', () => {
  it.each([
    ['no report → turn back', () => checkCertificate(noReport({ hasContract: true }), { limits: shippedLimits, policy: fupingPolicy, now: NOW }), 'turn-back'],
    ['no contract → turn back', () => run(fupingPolicy, { hasContract: false }), 'turn-back'],
    ['contract not stated → turn back', () => run(fupingPolicy, { hasContract: undefined }), 'turn-back'],
    ['invalid report → turn back', () => run(fupingPolicy, { results: replaceResult(exampleResults, result('A', 'ad', 120)) }), 'turn-back'],
    ['destination outside Hebei → release', () => run(fupingPolicy, { destinationInHebei: false }), 'release'],
    ['destination outside Hebei, failing report → release', () => run(fupingPolicy, { destinationInHebei: false, ...failing }), 'release'],
    ['destination inside Hebei → sample', () => run(fupingPolicy), 'sample'],
    ['destination inside Hebei, failing report → sample', () => run(fupingPolicy, failing), 'sample'],
  ] as const)('%s', (_name, make, outcome) => {
    const r = make();
    expect(r.outcome).toBe(outcome);
    expect(r.versions.policy).toBe('fuping-2020.1');
  });
});

describe('signals', () => {
  const codes = (r: ReturnType<typeof run>): SignalCode[] => r.signals.map((s) => s.code);
  it('none on the clean example', () => expect(codes(run(chengdePolicy))).toEqual([]));
  it.each<[string, object, SignalCode]>([
    ['missing CMA number', { cmaNumber: null }, 'no-cma'],
    ['blank CMA number', { cmaNumber: '  ' }, 'no-cma'],
    ['malformed CMA number', { cmaNumber: 'CMA-123' }, 'no-cma'],
    ['report 31 days old on arrival', { reportedOn: '2026-10-28', sampledOn: '2026-10-27' }, 'report-too-old'],
    ['client-submitted sample', { sampleOrigin: 'client' }, 'client-sample'],
    ['report dated after arrival', { reportedOn: '2026-11-29' }, 'report-after-arrival'],
    ['tonnage exceeded', { previousUses: [{ truckNetKg: 300000 }, { truckNetKg: 270000 }] }, 'tonnage-exceeded'],
    ['origin mismatch', { origin: '陕西府谷', previousUses: [{ truckNetKg: 30000, origin: '山西晋城' }] }, 'origin-mismatch'],
  ])('%s', (_name, overrides, code) => {
    const r = run(chengdePolicy, overrides);
    expect(codes(r)).toEqual([code]);
    expect(r.signals[0]!.zh.length).toBeGreaterThan(0);
    expect(r.signals[0]!.en.length).toBeGreaterThan(0);
  });
  it('30 days old is still fresh; exactly the covered tonnage is not exceeded; same origin is no mismatch', () => {
    const r = run(chengdePolicy, {
      reportedOn: '2026-10-29',
      sampledOn: '2026-10-28',
      previousUses: [{ truckNetKg: 600000 - 32480, origin: '陕西府谷' }],
      origin: ' 陕西府谷',
    });
    expect(codes(r)).toEqual([]);
  });
  it('the arrival day is taken in Beijing time', () => {
    // 2026-11-21T20:00Z is 2026-11-22 04:00 in Beijing, the day the report was issued.
    expect(codes(run(chengdePolicy, { arrivedAt: '2026-11-21T20:00:00Z' }))).toEqual([]);
    expect(codes(run(chengdePolicy, { arrivedAt: '2026-11-21T15:00:00Z' }))).toEqual(['report-after-arrival']);
  });
  it('lab-not-recognised only when a list is given, matching by name or CMA number, and checking expiry', () => {
    expect(codes(run(chengdePolicy, {}, [{ name: '另一检测中心' }]))).toEqual(['lab-not-recognised']);
    expect(codes(run(chengdePolicy, {}, [{ name: '改名前的名称', cmaNumber: '201712345678' }]))).toEqual([]);
    expect(codes(run(chengdePolicy, {}, [{ name: '某某检测有限公司', validUntil: '2026-01-01' }]))).toEqual(['lab-not-recognised']);
    const ignoring = { ...chengdePolicy, recognisedLabs: 'ignore' as const };
    expect(codes(run(ignoring, {}, [{ name: '另一检测中心' }]))).toEqual([]);
  });
  it('report-too-old follows the policy maximum', () => {
    const strict = { ...chengdePolicy, maxReportAgeDays: 5 };
    expect(codes(run(strict))).toEqual(['report-too-old']);
  });
});
