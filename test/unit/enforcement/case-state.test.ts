import { describe, expect, it } from 'vitest';
import { applyCaseEvent, NEW_CASE, validateCaseCompleteness, type CaseEvent, type CaseProgress, type CaseRecord } from '../../../src-main/domain/case-state.ts';

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
  });

  it('needs a witness when the party is absent or refuses to sign (art.18(9))', () => {
    expect(codes(completeCase({ partyPresent: false, partyStatement: '' }))).toEqual(['witness-absent']);
    expect(codes(completeCase({ partyRefusedToSign: true }))).toEqual(['witness-refusal']);
    expect(codes(completeCase({ partyRefusedToSign: true, witness: { name: '孙三' } }))).toEqual([]);
  });

  it('approval: before the seizure, or within 24 hours after an emergency seizure (art.19)', () => {
    expect(codes(completeCase({ approval: null }))).toContain('approval');
    expect(codes(completeCase({ approval: { approverName: '王', approvedAt: '2026-03-05T08:00:00Z', emergency: false } }))).toEqual(['approval-after']);
    expect(codes(completeCase({ approval: { approverName: '王', approvedAt: '2026-03-06T06:00:00Z', emergency: true } }))).toEqual([]);
    expect(codes(completeCase({ approval: { approverName: '王', approvedAt: '2026-03-06T06:31:00Z', emergency: true } }))).toEqual(['approval-late']);
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

describe('case life cycle', () => {
  const decide: CaseEvent = { type: 'decide', date: '2026-03-05', record: completeCase() };

  it('draft → seized → testing → extended → confiscated → handed-over', () => {
    const r = run([
      decide,
      { type: 'start-testing', date: '2026-03-07' },
      { type: 'end-testing', date: '2026-03-12' },
      { type: 'extend', date: '2026-04-08', days: 30, reason: '情况复杂' },
      { type: 'confiscate', date: '2026-05-01' },
      { type: 'hand-over', date: '2026-05-02' },
    ]);
    expect(r.refused).toBeNull();
    expect(r.progress).toMatchObject({ phase: 'handed-over', outcomeDate: '2026-05-01', extension: { days: 30 } });
  });

  it('refuses the decision of an incomplete case with the missing elements', () => {
    const r = applyCaseEvent(NEW_CASE, { type: 'decide', date: '2026-03-05', record: completeCase({ officers: [] }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['officers']);
  });

  it('only moves forward: no second extension, no release after confiscation, no re-decision', () => {
    expect(run([decide, { type: 'extend', date: '2026-03-20', days: 10, reason: '复杂' }, { type: 'extend', date: '2026-03-21', days: 10, reason: '复杂' }]).refused?.[0]?.code).toBe('transition');
    expect(run([decide, { type: 'confiscate', date: '2026-03-20' }, { type: 'release', date: '2026-03-21' }]).refused?.[0]?.code).toBe('transition');
    expect(run([decide, decide]).refused?.[0]?.code).toBe('transition');
    expect(run([decide, { type: 'release', date: '2026-03-20' }, { type: 'hand-over', date: '2026-03-21' }]).refused?.[0]?.code).toBe('transition');
  });

  it('outcomes wait for testing to close; confiscation must fall within the term, release never expires', () => {
    expect(run([decide, { type: 'start-testing', date: '2026-03-07' }, { type: 'release', date: '2026-03-08' }]).refused?.[0]?.code).toBe('testing-open');
    expect(run([decide, { type: 'confiscate', date: '2026-04-05' }]).refused?.[0]?.code).toBe('term-expired');
    expect(run([decide, { type: 'confiscate', date: '2026-04-04' }]).refused).toBeNull();
    expect(run([decide, { type: 'release', date: '2026-06-01' }]).refused).toBeNull();
  });

  it('extension: reason required, at most 30 days, before the term ends', () => {
    expect(run([decide, { type: 'extend', date: '2026-03-20', days: 10, reason: ' ' }]).refused?.[0]?.code).toBe('extension-reason');
    expect(run([decide, { type: 'extend', date: '2026-03-20', days: 31, reason: '复杂' }]).refused?.[0]?.code).toBe('extension-days');
    expect(run([decide, { type: 'extend', date: '2026-04-05', days: 10, reason: '复杂' }]).refused?.[0]?.code).toBe('extension-late');
  });

  it('dates before the decision are refused', () => {
    expect(run([decide, { type: 'start-testing', date: '2026-03-01' }]).refused?.[0]?.code).toBe('date-before-decision');
  });
});
