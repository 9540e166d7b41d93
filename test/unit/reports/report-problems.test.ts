import { describe, expect, it } from 'vitest';
import { raiseProblems, REFS_LISTED, type ProblemFacts } from '../../../src-shared/domain/report-problems.ts';
import { problemSentence } from '../../../src-shared/contract/monthly-report.ts';

const none: ProblemFacts = {
  seizureCandidates: [], undecidedCases: [], openCases: [], warnWithinDays: 5, stock: [], today: '2026-12-16', stockHeldMaxDays: 30,
  weighbridgeGaps: [], overusedReports: [],
};
const kinds = (f: Partial<ProblemFacts>) => raiseProblems({ ...none, ...f }).map((p) => [p.kind, p.count, p.refs]);

describe('problems raised by the weekly and monthly reports (issue 16 item 5; 附件6 四(二) 强化问题导向)', () => {
  it('raises nothing when nothing is open', () => {
    expect(raiseProblems(none)).toEqual([]);
  });

  it.each<[string, Partial<ProblemFacts>, unknown[]]>([
    ['行政强制法 art.24: a truck to seize without a case, and a case opened but not decided',
      { seizureCandidates: ['CD-20261216-0001'], undecidedCases: ['冀承检扣〔2026〕7号'] }, [['undecidedSeizure', 2, ['冀承检扣〔2026〕7号', 'CD-20261216-0001']]]],
    ['行政强制法 art.25: a term that has run out',
      { openCases: [{ caseNumber: 'A', state: 'expired' }] }, [['termExpired', 1, ['A']]]],
    ['行政强制法 art.25: testing past its notified end',
      { openCases: [{ caseNumber: 'T', state: 'testing-overdue' }] }, [['testingOverdue', 1, ['T']]]],
    ['行政强制法 art.25/27: terms within the warning days and on their last day; running terms are not raised',
      { openCases: [{ caseNumber: 'B', state: 'due-soon' }, { caseNumber: 'C', state: 'last-day' }, { caseNumber: 'D', state: 'running' }] },
      [['termDueSoon', 2, ['B', 'C']]]],
    ['device gaps: hours with registrations and no weighbridge capture',
      { weighbridgeGaps: ['2026-12-01 03', '2026-12-02 11'] }, [['weighbridgeGaps', 2, ['2026-12-01 03时', '2026-12-02 11时']]]],
    ['附件6 三(一)1: a quality report carried on more tonnage than it covers',
      { overusedReports: ['ZJ-2026-118'] }, [['reportOverused', 1, ['ZJ-2026-118']]]],
  ])('%s', (_clause, facts, expected) => {
    expect(kinds(facts)).toEqual(expected);
  });

  it.each([
    // 30 days held on 12-16 means received 11-16: not over the limit; 11-15 is 31 days, over it.
    ['2026-11-16', 10_000, false],
    ['2026-11-15', 10_000, true],
    ['2026-10-01', 0, false],
  ])('stock first received %s, %i kg left, raised when held over the configured 30 days: %s', (firstReceivedOn, stockKg, raised) => {
    const found = raiseProblems({ ...none, stock: [{ pointName: '承德县处置点', caseRef: 'K-1', stockKg, firstReceivedOn }] });
    expect(found.map((p) => p.kind)).toEqual(raised ? ['stockHeldTooLong'] : []);
    if (raised) expect(found[0]).toMatchObject({ refs: ['K-1（承德县处置点）'], params: { days: 30, tonnes: '10.000' } });
  });

  it('the threshold is the setting, not a constant', () => {
    const stock = [{ pointName: 'P', caseRef: 'K-1', stockKg: 1_500, firstReceivedOn: '2026-12-06' }];
    expect(raiseProblems({ ...none, stock, stockHeldMaxDays: 9 }).map((p) => p.kind)).toEqual(['stockHeldTooLong']);
    expect(raiseProblems({ ...none, stock, stockHeldMaxDays: 10 })).toEqual([]);
  });

  it('names at most ten records but counts them all, and the sentence says there are more', () => {
    const many = Array.from({ length: 13 }, (_, i) => `CD-${i}`);
    const [p] = raiseProblems({ ...none, seizureCandidates: many });
    expect(p).toMatchObject({ count: 13, refs: many.slice(0, REFS_LISTED) });
    expect(problemSentence('zh-CN', p!)).toBe(`13 起应查封扣押的车辆或案件尚未作出查封扣押决定：${many.slice(0, 10).join('、')} 等。`);
    expect(problemSentence('en', p!)).toContain('13 truck(s) or case(s) awaiting a seizure decision: CD-0, CD-1');
  });

  it('orders decisions owed before terms, stock, devices and reports', () => {
    const all = raiseProblems({
      ...none,
      overusedReports: ['R'], weighbridgeGaps: ['2026-12-01 03'], stock: [{ pointName: 'P', caseRef: 'K', stockKg: 1, firstReceivedOn: '2026-01-01' }],
      openCases: [{ caseNumber: 'B', state: 'due-soon' }, { caseNumber: 'T', state: 'testing-overdue' }, { caseNumber: 'A', state: 'expired' }],
      seizureCandidates: ['S'],
    });
    expect(all.map((p) => p.kind)).toEqual(['undecidedSeizure', 'termExpired', 'testingOverdue', 'termDueSoon', 'stockHeldTooLong', 'weighbridgeGaps', 'reportOverused']);
    expect(problemSentence('zh-CN', all[3]!)).toBe('1 件查封扣押案件期限将在 5 日内届满：B，请在期限内作出处理决定或依法延长。');
  });
});
