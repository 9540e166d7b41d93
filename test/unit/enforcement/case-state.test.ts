import { describe, expect, it } from 'vitest';
import {
  applyCaseEvent, NEW_CASE, phaseLabelZh, validateCaseCompleteness, validateDecisionTimes, type CaseEvent, type CasePhase, type CaseProgress, type CaseRecord,
  type DecisionTimes,
} from '../../../src-shared/domain/case-state.ts';
import { DEFAULT_TERM_POLICY } from '../../../src-shared/domain/seizure-term.ts';

function completeCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId: 'c1',
    parties: [{ kind: 'person', role: 'driver', name: '张韡', idNumber: '11010519491231002X', address: '安徽省亳州市', phone: '13800000000' }],
    reason: '销售不符合质量标准的煤炭',
    legalBasisIds: ['dqwr-36', 'xzqz-24'],
    measure: 'detain',
    items: [{ coalKind: '劣质散煤', quantityKg: 31240, measuredBy: 'weighbridge', weighTicketNo: 'BD-1', sealNumbers: ['FT-1'] }],
    custody: { disposalPointId: 'p1', name: '处置点', address: '承德县' },
    approval: { approverName: '王局长', approvedAt: '2026-03-05T06:00:00Z', emergency: false },
    officers: [
      { name: '赵一', credentialNo: '13080020001' },
      { name: '钱二', credentialNo: '13080020002' },
    ],
    seizedAt: '2026-03-05T06:30:00Z',
    place: '检查站',
    credentialsShown: true,
    rightsNotified: true,
    partyPresent: true,
    partyRefusedToSign: false,
    witness: null,
    partyStatement: '放弃陈述申辩',
    ...overrides,
  };
}

const codes = (c: CaseRecord) => validateCaseCompleteness(c).map((m) => m.code);

describe('legal completeness before the decision', () => {
  it('a complete case has nothing missing', () => {
    expect(validateCaseCompleteness(completeCase())).toEqual([]);
  });

  it('needs two officers with distinct credential numbers (art.18(2))', () => {
    expect(codes(completeCase({ officers: [{ name: '赵一', credentialNo: '1' }] }))).toContain('officers');
    expect(codes(completeCase({ officers: [{ name: '赵一', credentialNo: '1' }, { name: '钱二', credentialNo: '1' }] }))).toContain('officers');
    expect(codes(completeCase({ officers: [{ name: '赵一', credentialNo: '1' }, { name: '钱二', credentialNo: ' ' }] }))).toContain('officers');
    expect(codes(completeCase({ officers: [{ name: ' ', credentialNo: '1' }, { name: '钱二', credentialNo: '2' }] }))).toContain('officers');
    expect(codes(completeCase({ officers: [{ name: '赵一', credentialNo: '1' }, { name: '钱二', credentialNo: ' 1 ' }] }))).toContain('officers');
    expect(codes(completeCase({ officers: [{ name: '赵一', credentialNo: '1' }, { name: '钱二', credentialNo: '2' }] }))).toEqual([]);
  });

  it('needs a witness when the party is absent or refuses to sign (art.18(9))', () => {
    expect(codes(completeCase({ partyPresent: false, partyStatement: '' }))).toEqual(['witness-absent']);
    expect(codes(completeCase({ partyPresent: false, partyRefusedToSign: true, partyStatement: '' }))).toEqual(['witness-absent']);
    expect(codes(completeCase({ partyRefusedToSign: true }))).toEqual(['witness-refusal']);
    expect(codes(completeCase({ partyRefusedToSign: true, witness: { name: '孙三' } }))).toEqual([]);
    expect(codes(completeCase({ partyRefusedToSign: true, witness: { name: ' ' } }))).toEqual(['witness-refusal']);
  });

  it('approval: before the seizure (art.18(1)), or within 24 hours after an emergency seizure (art.19)', () => {
    const approvedAt = (at: string, emergency: boolean) => codes(completeCase({ approval: { approverName: '王', approvedAt: at, emergency } }));
    expect(codes(completeCase({ approval: null }))).toEqual(['approval']);
    expect(approvedAt('2026-03-05T08:00:00Z', false)).toEqual(['approval-after']);
    expect(approvedAt('2026-03-05T06:30:00.001Z', false)).toEqual(['approval-after']);
    expect(approvedAt('2026-03-05T06:30:00Z', false)).toEqual([]);
    expect(approvedAt('2026-03-06T06:00:00Z', true)).toEqual([]);
    expect(approvedAt('2026-03-06T06:29:59.999Z', true)).toEqual([]);
    // "二十四小时内": exactly 24 hours after the seizure is already out of time.
    expect(approvedAt('2026-03-06T06:30:00Z', true)).toEqual(['approval-late']);
    expect(approvedAt('2026-03-06T06:31:00Z', true)).toEqual(['approval-late']);
    expect(approvedAt('not a time', true)).toEqual(['approval-time']);
    expect(codes(completeCase({ approval: { approverName: ' ', approvedAt: '2026-03-05T06:00:00Z', emergency: false } }))).toEqual(['approver']);
    expect(validateCaseCompleteness(completeCase({ approval: null }))[0]?.zh).toBe('缺少行政机关负责人批准（行政强制法第十八条第一项）');
  });

  it('needs the time and place of the seizure for the on-site record (art.18(7))', () => {
    expect(codes(completeCase({ seizedAt: '', approval: null }))).toEqual(['approval', 'seized-at']);
    expect(codes(completeCase({ place: ' ' }))).toEqual(['place']);
  });

  it('names each element by party and item number', () => {
    const c = completeCase({ parties: [completeCase().parties[0]!, { kind: 'person', role: 'owner', name: ' ', address: 'x', idNumber: '1' }] });
    expect(validateCaseCompleteness(c).map((m) => m.zh)).toEqual(['当事人2缺少姓名或名称']);
    const items = completeCase({ items: [{ coalKind: ' ', quantityKg: 0, measuredBy: 'estimate', sealNumbers: [] }] });
    expect(validateCaseCompleteness(items).map((m) => m.zh)).toEqual(['财物1缺少名称', '财物1数量须为正整数千克']);
    expect(codes(completeCase({ items: [{ coalKind: '煤', quantityKg: -5, measuredBy: 'weighbridge', weighTicketNo: ' ', sealNumbers: ['F'] }] }))).toEqual(['item-quantity', 'item-weigh-ticket']);
    expect(codes(completeCase({ parties: [{ kind: 'person', role: 'driver', name: '张', address: 'x', idNumber: ' ' }] }))).toEqual(['party-id']);
    expect(codes(completeCase({ parties: [{ kind: 'company', role: 'owner', name: '公司', address: 'x', creditCode: '91130800MA0000000X' }] }))).toEqual([]);
    expect(codes(completeCase({ parties: [{ kind: 'company', role: 'owner', name: '公司', address: ' ', creditCode: ' ' }] }))).toEqual(['party-address', 'party-credit-code']);
    expect(codes(completeCase({ parties: [{ kind: 'person', role: 'driver', name: '张', address: 'x' }] }))).toEqual(['party-id']);
    expect(codes(completeCase({ reason: ' ' }))).toEqual(['reason']);
    expect(codes(completeCase({ measure: 'seal-up' }))).toEqual([]);
    const second = completeCase({ parties: [completeCase().parties[0]!, { kind: 'company', role: 'owner', name: ' ', address: ' ' }], items: [completeCase().items[0]!, { coalKind: ' ', quantityKg: 0, measuredBy: 'weighbridge', sealNumbers: [] }], measure: 'seal-up' });
    expect(validateCaseCompleteness(second).map((m) => m.en)).toEqual([
      'party 2: name missing', 'party 2: address missing', 'party 2: unified social credit code missing',
      'item 2: coal kind missing', 'item 2: quantity must be a positive whole number of kg', 'item 2: weighbridge ticket number missing', 'item 2: seal numbers missing',
    ]);
    expect(validateCaseCompleteness(completeCase({ parties: [{ kind: 'person', role: 'driver', name: '张', address: 'x' }] }))[0]?.en).toBe('party 1: ID number missing');
  });

  it("needs the party's statement or its waiver when present (art.18(6)), not when absent with a witness", () => {
    expect(codes(completeCase({ partyStatement: ' ' }))).toEqual(['statement']);
    expect(codes(completeCase({ partyPresent: false, partyStatement: '', witness: { name: '孙三' } }))).toEqual([]);
    expect(codes(completeCase({ partyPresent: false, partyStatement: '', witness: { name: ' ' } }))).toEqual(['witness-absent']);
  });

  it('lists every missing element with Chinese and English text', () => {
    const empty = completeCase({ parties: [], reason: '', legalBasisIds: [], items: [], custody: null, credentialsShown: false, rightsNotified: false, partyStatement: '' });
    const found = validateCaseCompleteness(empty);
    expect(found.map((m) => m.code)).toEqual(['party', 'reason', 'legal-basis', 'items', 'custody', 'credentials-shown', 'rights-notified', 'statement']);
    for (const m of found) {
      expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en).toMatch(/[a-z]/);
    }
  });

  it('checks party identity, quantities in whole kg, weigh tickets and seals', () => {
    const c = completeCase({
      measure: 'seal-up',
      parties: [{ kind: 'company', role: 'owner', name: '公司', address: '' }],
      items: [{ coalKind: '散煤', quantityKg: 12.5, measuredBy: 'weighbridge', sealNumbers: [] }],
    });
    expect(codes(c)).toEqual(['party-address', 'party-credit-code', 'item-quantity', 'item-weigh-ticket', 'item-seal']);
    expect(codes(completeCase({ measure: 'detain', items: [{ coalKind: '散煤', quantityKg: 1, measuredBy: 'estimate', sealNumbers: [] }] }))).toEqual([]);
  });
});

/** Decided at the roadside: decision made and served minutes after the coal was taken. */
const onSpot: DecisionTimes = { decidedAt: '2026-03-05T06:40:00Z', servedAt: '2026-03-05T06:45:00Z', now: '2026-03-05T07:00:00Z', lateReason: '' };
const decideOn = (times: Partial<DecisionTimes> = {}, record = completeCase()): CaseEvent =>
  ({ type: 'decide', date: (times.decidedAt ?? onSpot.decidedAt).slice(0, 10), record, times: { ...onSpot, ...times } });

describe('行政强制法 art.24: the decision is made and served on the spot, in a possible order', () => {
  const timeCodes = (t: Partial<DecisionTimes>, seizedAt = '2026-03-05T06:30:00Z') => validateDecisionTimes(seizedAt, { ...onSpot, ...t }).map((p) => p.code);

  it('on the spot: nothing to say', () => {
    expect(timeCodes({})).toEqual([]);
    expect(timeCodes({ servedAt: onSpot.decidedAt })).toEqual([]);
    // Decided (not yet served) before the coal was moved, the same day: possible.
    expect(timeCodes({ decidedAt: '2026-03-05T06:00:00Z', servedAt: '2026-03-05T06:00:00Z' })).toEqual([]);
  });

  it('seized on day X, decided on day X+9: refused without a reason, accepted with one', () => {
    const late = { decidedAt: '2026-03-14T02:00:00Z', servedAt: '2026-03-14T02:30:00Z', now: '2026-03-14T03:00:00Z' };
    const problems = validateDecisionTimes('2026-03-05T06:30:00Z', { ...onSpot, ...late });
    expect(problems.map((p) => p.code)).toEqual(['decision-late']);
    expect(problems[0]?.zh).toBe('扣押于2026-03-05实施，决定书于2026-03-14作出、2026-03-14送达，未当场制作并交付（行政强制法第二十四条），须记录理由');
    expect(timeCodes({ ...late, lateReason: ' ' })).toEqual(['decision-late']);
    expect(timeCodes({ ...late, lateReason: '系统故障，现场手写决定书后补录' })).toEqual([]);
  });

  it('served on a later day than decided needs a reason too', () => {
    expect(timeCodes({ servedAt: '2026-03-06T01:00:00Z', now: '2026-03-06T02:00:00Z' })).toEqual(['decision-late']);
    expect(timeCodes({ servedAt: '2026-03-06T01:00:00Z', now: '2026-03-06T02:00:00Z', lateReason: '当事人次日到场签收' })).toEqual([]);
  });

  it('days are Beijing days: 23:50 and 00:10 the next morning are different days, 00:10 and 23:50 the same day are not', () => {
    expect(timeCodes({ decidedAt: '2026-03-05T16:10:00Z', servedAt: '2026-03-05T16:10:00Z', now: '2026-03-05T17:00:00Z' }, '2026-03-05T15:50:00Z')).toEqual(['decision-late']);
    expect(timeCodes({ decidedAt: '2026-03-06T15:50:00Z', servedAt: '2026-03-06T15:50:00Z', now: '2026-03-06T15:55:00Z' }, '2026-03-05T16:10:00Z')).toEqual([]);
  });

  it('refuses impossible orders: served before decided, decided before the seizure day, anything in the future', () => {
    expect(timeCodes({ servedAt: '2026-03-05T06:39:59Z' })).toEqual(['served-before-decided']);
    expect(validateDecisionTimes('2026-03-05T06:30:00Z', { ...onSpot, servedAt: '2026-03-01T00:00:00Z' })[0]?.zh).toBe('送达时间早于决定时间：决定书须先作出，后送达');
    expect(timeCodes({ decidedAt: '2026-03-04T06:00:00Z', servedAt: '2026-03-04T06:00:00Z' })).toEqual(['decided-before-seizure']);
    expect(timeCodes({ now: '2026-03-05T06:20:00Z', decidedAt: '2026-03-05T06:10:00Z', servedAt: '2026-03-05T06:10:00Z' })).toEqual(['seized-future']);
    expect(timeCodes({ now: '2026-03-05T06:42:00Z' })).toEqual(['served-future']);
    expect(timeCodes({ now: '2026-03-05T06:35:00Z', servedAt: '2026-03-05T06:35:00Z' })).toEqual(['decided-future', 'served-before-decided']);
    expect(timeCodes({ now: onSpot.servedAt })).toEqual([]);
    expect(timeCodes({ decidedAt: '2026-03-05T06:30:00Z', servedAt: '2026-03-05T06:30:00Z', now: '2026-03-05T06:30:00Z' })).toEqual([]);
    // An impossible order is reported alone, not also as lateness.
    expect(timeCodes({ servedAt: '2026-03-06T01:00:00Z' })).toEqual(['served-future']);
    expect(timeCodes({ servedAt: 'soon' })).toEqual(['times-invalid']);
    expect(timeCodes({}, 'yesterday')).toEqual(['times-invalid']);
  });
});

function run(events: CaseEvent[], from: CaseProgress = NEW_CASE) {
  let p = from;
  for (const e of events) {
    const r = applyCaseEvent(p, e);
    if (!r.ok) return { progress: p, refused: r.problems };
    p = r.progress;
  }
  return { progress: p, refused: null };
}

const decide = decideOn();
const startTesting = (date: string, notifiedEndDate: string): CaseEvent => ({ type: 'start-testing', date, notifiedEndDate });
const refusedCode = (events: CaseEvent[]) => run(events).refused?.[0]?.code ?? null;

describe('case life cycle', () => {
  it('draft → seized → testing (changed once) → extended → confiscated → handed-over', () => {
    const r = run([
      decide,
      startTesting('2026-03-07', '2026-03-10'),
      { type: 'change-testing', date: '2026-03-10', notifiedEndDate: '2026-03-12' },
      { type: 'end-testing', date: '2026-03-12' },
      { type: 'extend', date: '2026-04-08', days: 30, reason: '情况复杂' },
      { type: 'confiscate', date: '2026-05-01' },
      { type: 'hand-over', date: '2026-05-02' },
    ]);
    expect(r.refused).toBeNull();
    expect(r.progress).toEqual({
      phase: 'handed-over', seizureDate: '2026-03-05', decisionDate: '2026-03-05', outcomeDate: '2026-05-01',
      testingPeriods: [{ startDate: '2026-03-07', notifiedEndDate: '2026-03-12', endDate: '2026-03-12' }],
      extension: { days: 30, approvedOn: '2026-04-08', reason: '情况复杂' },
    });
  });

  it('a late decision keeps the seizure day as the start of the term', () => {
    const late = decideOn({ decidedAt: '2026-03-14T02:00:00Z', servedAt: '2026-03-14T02:00:00Z', now: '2026-03-14T02:00:00Z', lateReason: '补录' });
    const r = applyCaseEvent(NEW_CASE, late);
    expect(r.ok && r.progress).toMatchObject({ seizureDate: '2026-03-05', decisionDate: '2026-03-14' });
    // Term of coal taken 03-05 ends 04-04 whatever the decision day: confiscation on 04-05 is too late.
    expect(refusedCode([late, { type: 'confiscate', date: '2026-04-05' }])).toBe('term-expired');
    expect(refusedCode([decideOn({ decidedAt: '2026-03-14T02:00:00Z', servedAt: '2026-03-14T02:00:00Z', now: '2026-03-14T02:00:00Z' })])).toBe('decision-late');
  });

  it('refuses the decision of an incomplete case with the missing elements, and the dates with them', () => {
    const r = applyCaseEvent(NEW_CASE, decideOn({ servedAt: '2026-03-05T06:00:00Z' }, completeCase({ officers: [] })));
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['officers', 'served-before-decided']);
  });

  it('only moves forward: no second extension, no release after confiscation, no re-decision', () => {
    expect(refusedCode([decide, { type: 'extend', date: '2026-03-20', days: 10, reason: '复杂' }, { type: 'extend', date: '2026-03-21', days: 10, reason: '复杂' }])).toBe('transition');
    expect(refusedCode([decide, { type: 'confiscate', date: '2026-03-20' }, { type: 'release', date: '2026-03-21' }])).toBe('transition');
    expect(refusedCode([decide, decide])).toBe('transition');
    expect(refusedCode([decide, { type: 'release', date: '2026-03-20' }, { type: 'hand-over', date: '2026-03-21' }])).toBe('transition');
    expect(refusedCode([{ type: 'release', date: '2026-03-20' }])).toBe('transition');
    expect(run([decide, { type: 'confiscate', date: '2026-03-20' }, { type: 'release', date: '2026-03-21' }]).refused?.[0]?.zh).toBe('案件处于“已没收”状态，不能执行该操作');
  });

  it('each outcome from each phase it is allowed in (art.27): release, confiscation, destruction', () => {
    const extended: CaseEvent = { type: 'extend', date: '2026-03-20', days: 10, reason: '复杂' };
    for (const [events, phase] of [
      [[decide, { type: 'release', date: '2026-03-20' }], 'released'],
      [[decide, extended, { type: 'release', date: '2026-03-21' }], 'released'],
      [[decide, { type: 'destroy', date: '2026-03-20' }], 'destroyed'],
      [[decide, extended, { type: 'destroy', date: '2026-03-21' }], 'destroyed'],
      [[decide, { type: 'confiscate', date: '2026-03-20' }, { type: 'destroy', date: '2026-06-21' }], 'destroyed'],
      [[decide, extended, { type: 'confiscate', date: '2026-03-21' }], 'confiscated'],
    ] as [CaseEvent[], CasePhase][]) {
      const r = run(events);
      expect(r.refused, JSON.stringify(events.at(-1))).toBeNull();
      expect(r.progress.phase).toBe(phase);
      expect(r.progress.outcomeDate).toBe((events.at(-1) as { date: string }).date);
    }
    expect(refusedCode([decide, { type: 'destroy', date: '2026-03-20' }, { type: 'hand-over', date: '2026-03-21' }])).toBe('transition');
    expect(phaseLabelZh('handed-over')).toBe('已移交');
  });

  it('outcomes wait for testing to close; confiscation and destruction must fall within the term, release never expires (arts 27, 28)', () => {
    expect(refusedCode([decide, startTesting('2026-03-07', '2026-03-20'), { type: 'release', date: '2026-03-08' }])).toBe('testing-open');
    expect(refusedCode([decide, { type: 'confiscate', date: '2026-04-05' }])).toBe('term-expired');
    expect(run([decide, { type: 'confiscate', date: '2026-04-05' }]).refused?.[0]?.zh).toBe('期限已于2026-04-04届满，只能作出解除决定');
    expect(refusedCode([decide, { type: 'confiscate', date: '2026-04-04' }])).toBeNull();
    expect(refusedCode([decide, { type: 'destroy', date: '2026-04-05' }])).toBe('term-expired');
    expect(refusedCode([decide, { type: 'destroy', date: '2026-04-04' }])).toBeNull();
    expect(refusedCode([decide, { type: 'release', date: '2026-06-01' }])).toBeNull();
  });

  it('the term the outcomes are judged by is the case\'s own rules (holidays roll it)', () => {
    const rules = { ...DEFAULT_TERM_POLICY, statutoryHolidays: ['2026-04-04', '2026-04-05', '2026-04-06'] };
    const seized = applyCaseEvent(NEW_CASE, decide);
    if (!seized.ok) throw new Error('decide refused');
    expect(applyCaseEvent(seized.progress, { type: 'confiscate', date: '2026-04-07' }, rules).ok).toBe(true);
    expect(applyCaseEvent(seized.progress, { type: 'confiscate', date: '2026-04-07' }).ok).toBe(false);
  });

  it('extension: reason required, at most 30 days, before the term ends (art.25(1), (2))', () => {
    expect(refusedCode([decide, { type: 'extend', date: '2026-03-20', days: 10, reason: ' ' }])).toBe('extension-reason');
    expect(refusedCode([decide, { type: 'extend', date: '2026-03-20', days: 31, reason: '复杂' }])).toBe('extension-days');
    expect(refusedCode([decide, { type: 'extend', date: '2026-04-05', days: 10, reason: '复杂' }])).toBe('extension-late');
    expect(refusedCode([decide, startTesting('2026-03-07', '2026-03-09'), { type: 'extend', date: '2026-03-08', days: 10, reason: '复杂' }])).toBe('testing-open');
  });

  it('dates before the decision are refused', () => {
    expect(refusedCode([decide, startTesting('2026-03-04', '2026-03-09')])).toBe('date-before-decision');
    expect(refusedCode([decide, { type: 'release', date: '2026-03-04' }])).toBe('date-before-decision');
    expect(refusedCode([decide, { type: 'release', date: '2026-03-05' }])).toBeNull();
  });
});

describe('art.25(3): testing has a definite period notified in writing', () => {
  it('starts within the term only: on its last day, not the day after', () => {
    expect(refusedCode([decide, startTesting('2026-04-04', '2026-04-10')])).toBeNull();
    expect(refusedCode([decide, startTesting('2026-04-05', '2026-04-10')])).toBe('term-expired');
    expect(run([decide, startTesting('2026-04-05', '2026-04-10')]).refused?.[0]?.zh).toBe('查封、扣押期限已于2026-04-04届满，不能再开始检测期间');
  });

  it('needs a notified end on or after the day it starts', () => {
    expect(refusedCode([decide, startTesting('2026-03-07', '2026-03-06')])).toBe('testing-notified-end');
    expect(run([decide, startTesting('2026-03-07', '2026-03-07')]).progress.testingPeriods).toEqual([{ startDate: '2026-03-07', notifiedEndDate: '2026-03-07', endDate: null }]);
  });

  it('one period at a time, never overlapping the one before', () => {
    const first = [decide, startTesting('2026-03-07', '2026-03-12')];
    expect(refusedCode([...first, startTesting('2026-03-08', '2026-03-12')])).toBe('testing-open');
    expect(refusedCode([...first, { type: 'end-testing', date: '2026-03-10' }, startTesting('2026-03-10', '2026-03-14')])).toBe('testing-overlap');
    expect(refusedCode([...first, { type: 'end-testing', date: '2026-03-10' }, startTesting('2026-03-11', '2026-03-14')])).toBeNull();
    expect(refusedCode([...first, { type: 'end-testing', date: '2026-03-04' }])).toBe('date-before-decision');
    expect(refusedCode([decide, { type: 'end-testing', date: '2026-03-08' }])).toBe('testing-not-open');
  });

  it('a result on a day before the testing started is refused', () => {
    expect(refusedCode([decide, startTesting('2026-03-09', '2026-03-12'), { type: 'end-testing', date: '2026-03-08' }])).toBe('testing-reversed');
    expect(refusedCode([decide, startTesting('2026-03-09', '2026-03-12'), { type: 'end-testing', date: '2026-03-09' }])).toBeNull();
  });

  it('a change of the notified end: only while the notified period runs, to a different end, not before the notice', () => {
    const open = [decide, startTesting('2026-03-07', '2026-03-12')];
    const change = (date: string, notifiedEndDate: string): CaseEvent => ({ type: 'change-testing', date, notifiedEndDate });
    expect(run([...open, change('2026-03-12', '2026-03-20')]).progress.testingPeriods).toEqual([{ startDate: '2026-03-07', notifiedEndDate: '2026-03-20', endDate: null }]);
    expect(refusedCode([...open, change('2026-03-13', '2026-03-20')])).toBe('testing-change-late');
    expect(refusedCode([...open, change('2026-03-10', '2026-03-12')])).toBe('testing-unchanged');
    expect(refusedCode([...open, change('2026-03-10', '2026-03-09')])).toBe('testing-notified-end');
    expect(refusedCode([...open, change('2026-03-10', '2026-03-10')])).toBeNull();
    expect(refusedCode([decide, change('2026-03-10', '2026-03-20')])).toBe('testing-not-open');
    // Only the open period changes or ends; an earlier closed one stays as recorded.
    const second = run([decide, startTesting('2026-03-07', '2026-03-09'), { type: 'end-testing', date: '2026-03-08' }, startTesting('2026-03-10', '2026-03-12'), change('2026-03-11', '2026-03-15'), { type: 'end-testing', date: '2026-03-14' }]);
    expect(second.progress.testingPeriods).toEqual([
      { startDate: '2026-03-07', notifiedEndDate: '2026-03-09', endDate: '2026-03-08' },
      { startDate: '2026-03-10', notifiedEndDate: '2026-03-15', endDate: '2026-03-14' },
    ]);
  });
});
