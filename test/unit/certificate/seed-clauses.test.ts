/**
 * Issue 10 (2): the Chengde policy as conditions. Each seed clause the policy encodes (承德市2020年采暖季劣质散煤
 * 联防联控工作方案, 附件6) is quoted here; the policy's rule must cite the same words, and the truck it names gets
 * the clause's outcome while the trucks it does not name do not.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCertificate, chengdePolicy, decideOutcome, shippedLimits, type NoReportInput, type OutcomeFacts,
} from '../../../src-shared/domain/certificate/index.ts';
import { NOW, exampleResults, replaceResult, report, result } from './fixtures.ts';

const noReport = (overrides: Partial<NoReportInput>): NoReportInput => ({
  reportNumber: null, arrivedAt: '2026-11-28T09:15:00+08:00', coalForm: 'loose', use: 'civil', destinationInHebei: true, ...overrides,
});
const check = (input: Parameters<typeof checkCertificate>[0]) => checkCertificate(input, { limits: shippedLimits, policy: chengdePolicy, now: NOW });
const ruleCiting = (words: string) => chengdePolicy.outcomeRules.filter((r) => r.basis.includes(words));

const NO_REPORT_CLAUSE = '对没有《质检报告》运销的散煤，依法查扣处理。';
const CHECKPOINT_CLAUSE = '对运输煤炭车辆实施重点检查情况，建立运煤车辆信息登记台账';
const STANDARDS_CLAUSE = '工业散煤的质量应符合河北省DB13/2081—2014';
const FAIL_CLAUSE = '严厉查处运销不合格散煤行为';

describe(`附件6 三(二)2 三是: “${NO_REPORT_CLAUSE}”`, () => {
  it('is cited by the no-report seizure rule, which names loose coal bound for the area', () => {
    const [rule] = ruleCiting(NO_REPORT_CLAUSE);
    expect(rule).toMatchObject({ when: { noReport: true, coalForm: ['loose', 'washed', 'semi-coke'], destinationInHebei: true }, outcome: 'seize' });
  });
  it.each<[string, Partial<NoReportInput>]>([
    ['civil loose coal for Hebei', {}],
    ['industrial loose coal for Hebei (工业散煤 is 散煤)', { use: 'industrial', hasContract: true }],
    ['washed coal for Hebei', { coalForm: 'washed' }],
    ['semi-coke for Hebei', { coalForm: 'semi-coke' }],
  ])('%s without a report → seize', (_name, truck) => {
    const r = check(noReport(truck));
    expect(r).toEqual({
      outcome: 'seize', verdict: 'incomplete', provisional: false, checked: [], items: [],
      missing: [{ item: 'report', needs: ['report'], kind: 'not-reported' }], notLoaded: [], standardNotLoaded: false, onlyUnverifiedFailures: false,
      signals: [],
      reasons: [
        { zh: '无《质检报告》运销散煤，依法查扣', en: 'Loose coal carried for sale or use in the area without a quality report is seized' },
        { zh: '未提供检验检测报告', en: 'No inspection report was presented' },
      ],
      versions: { policy: 'chengde-2020.2', limits: shippedLimits.version }, checkedAt: NOW.toISOString(),
    });
  });
  it.each<[string, Partial<NoReportInput>]>([
    ['a briquette (型煤 is not 散煤)', { coalForm: 'briquette' }],
    ['a honeycomb briquette', { coalForm: 'honeycomb' }],
    ['loose coal leaving Hebei without a contract', { destinationInHebei: false }],
    ['industrial coal leaving Hebei without a contract', { use: 'industrial', coalForm: 'washed', destinationInHebei: false, hasContract: false }],
  ])('does not reach %s: an officer decides (人工核验)', (_name, truck) => {
    const r = check(noReport(truck));
    expect(r.outcome).toBe('review');
    expect(r.reasons[0]!.zh).toBe('无《质检报告》，方案未规定此类煤炭的处理，人工核验');
  });
});

describe(`附件6 三(二)3: “${CHECKPOINT_CLAUSE}” — transit coal is registered and goes on`, () => {
  it('is cited by the transit rule: industrial coal under contract leaving Hebei, route recorded', () => {
    const [rule] = ruleCiting(CHECKPOINT_CLAUSE);
    expect(rule).toMatchObject({ when: { noReport: true, use: ['industrial'], hasContract: true, destinationInHebei: false }, outcome: 'release', recordRoute: true });
  });
  it('industrial washed coal in transit out of Hebei without a report → release with its route', () => {
    const r = check(noReport({ coalForm: 'washed', use: 'industrial', hasContract: true, destinationInHebei: false, destination: '辽宁省朝阳市', viaDesignatedRoute: true }));
    expect(r.outcome).toBe('release');
    expect(r.reasons.slice(0, 2)).toEqual([
      { zh: '工业用煤持《煤炭购销合同》过境出省，登记运输路线后放行', en: 'Industrial coal under a purchase contract in transit out of Hebei; route recorded, released' },
      { zh: '运输路线：目的地 辽宁省朝阳市，经运煤专用通道', en: 'Route: destination 辽宁省朝阳市, via the designated coal route' },
    ]);
  });
  it('names a truck off the designated route, and says when the destination was not recorded', () => {
    const off = check(noReport({ use: 'industrial', hasContract: true, destinationInHebei: false, destination: '辽宁省', viaDesignatedRoute: false }));
    expect(off.reasons[1]).toEqual({ zh: '运输路线：目的地 辽宁省，未经运煤专用通道', en: 'Route: destination 辽宁省, not via the designated coal route' });
    const unknown = check(noReport({ use: 'industrial', hasContract: true, destinationInHebei: false }));
    expect(unknown.reasons[1]).toEqual({ zh: '运输路线：目的地 未登记', en: 'Route: destination not recorded' });
  });
  it('a civil load under contract leaving Hebei is not "industrial transit"', () => {
    expect(check(noReport({ use: 'civil', hasContract: true, destinationInHebei: false })).outcome).toBe('review');
  });
});

describe(`附件6 三(二)2 一是: “${STANDARDS_CLAUSE}…” (GB34169 无烟1号, GB34170 型煤1号, DB13/2081 工业用煤)`, () => {
  it('is cited by the rule that sends a truck whose standard is not loaded to 人工核验', () => {
    expect(ruleCiting(STANDARDS_CLAUSE)).toEqual([expect.objectContaining({ when: { standardNotLoaded: true }, outcome: 'review' })]);
  });
  it('maps civil loose coal to 无烟1号, briquettes to 型煤1号 and industrial coal to DB13/2081', () => {
    const graded = (overrides: object) => check(report(overrides)).checked.map((c) => `${c.standard} ${c.grade}`);
    expect(graded({})).toContain('GB 34169 无烟1号');
    expect(graded({ coalForm: 'briquette' })).toContain('GB 34170 型煤1号');
    expect(graded({ use: 'industrial' })).toContain('DB13/2081 非发电用煤');
  });
});

describe(`附件6 三(二)2 三是: “${FAIL_CLAUSE}”`, () => {
  it('is cited by the fail → seize rule, which comes after the rule for unverified-only failures', () => {
    const rules = chengdePolicy.outcomeRules;
    const seize = rules.findIndex((r) => r.basis.includes(FAIL_CLAUSE));
    const sample = rules.findIndex((r) => r.when.onlyUnverifiedFailures === true);
    expect(rules[seize]).toMatchObject({ when: { verdict: ['fail'] }, outcome: 'seize' });
    expect(rules[sample]).toMatchObject({ when: { verdict: ['fail'], onlyUnverifiedFailures: true }, outcome: 'sample' });
    expect(sample).toBeLessThan(seize);
  });
  it('a load failing the verified 暂行办法 art.9 sulfur limit is seized', () => {
    expect(check(report({ results: replaceResult(exampleResults, result('St', 'ad', 1.2)) })).outcome).toBe('seize');
  });
});

describe('decideOutcome: every condition must hold', () => {
  const facts: OutcomeFacts = {
    noReport: false, verdict: 'pass', signals: [], hasContract: true, destinationInHebei: true, coalForm: 'loose', use: 'civil',
    standardNotLoaded: false, onlyUnverifiedFailures: false,
  };
  const policy = (when: object) => ({
    ...chengdePolicy, outcomeRules: [{ when, outcome: 'turn-back' as const, reason: { zh: '规则', en: 'rule' }, basis: 'test' }],
  });
  it.each<[string, object, Partial<OutcomeFacts>]>([
    ['noReport', { noReport: true }, { noReport: true }],
    ['verdict', { verdict: ['fail'] }, { verdict: 'fail' }],
    ['anySignal', { anySignal: ['no-cma'] }, { signals: ['client-sample', 'no-cma'] }],
    ['hasContract', { hasContract: false }, { hasContract: undefined }],
    ['destinationInHebei', { destinationInHebei: false }, { destinationInHebei: false }],
    ['coalForm', { coalForm: ['briquette', 'honeycomb'] }, { coalForm: 'honeycomb' }],
    ['use', { use: ['industrial'] }, { use: 'industrial' }],
    ['standardNotLoaded', { standardNotLoaded: true }, { standardNotLoaded: true }],
    ['onlyUnverifiedFailures', { onlyUnverifiedFailures: true }, { onlyUnverifiedFailures: true }],
  ])('%s: fires when it holds, not otherwise', (_name, when, holding) => {
    expect(decideOutcome(policy(when), { ...facts, ...holding }).outcome).toBe('turn-back');
    expect(decideOutcome(policy(when), facts)).toEqual({ ...chengdePolicy.defaultOutcome, recordRoute: false });
  });
  it('a verdict condition never holds without a verdict (no report)', () => {
    expect(decideOutcome(policy({ verdict: ['pass'] }), { ...facts, verdict: undefined }).outcome).toBe('release');
  });
  it('recordRoute is passed on only from a rule that sets it', () => {
    const withRoute = { ...chengdePolicy, outcomeRules: [{ ...policy({}).outcomeRules[0]!, recordRoute: true }] };
    expect(decideOutcome(withRoute, facts).recordRoute).toBe(true);
    expect(decideOutcome(policy({}), facts).recordRoute).toBe(false);
  });
});
