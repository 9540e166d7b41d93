import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  computeSeizureTerm,
  daysBetween,
  DEFAULT_TERM_POLICY,
  excludedUntil,
  holidaysInTerm,
  isIsoDate,
  overdueTesting,
  shanghaiDate,
  termStatus,
  validateTermInput,
  type TermPolicy,
} from '../../../src-shared/domain/seizure-term.ts';
import { HOLIDAY_TABLES } from '../../../src-main/services/cases/term-policy.ts';
import { holidayDates } from '../../../src-shared/domain/holiday-calendar.ts';

const sameDay: TermPolicy = { ...DEFAULT_TERM_POLICY, startDayRule: 'same-day' };
/** The shipped national tables (国务院办公厅通知, reference Part G). */
const national: TermPolicy = { ...DEFAULT_TERM_POLICY, statutoryHolidays: HOLIDAY_TABLES.flatMap(holidayDates) };
const term = (seizureDate: string, policy: TermPolicy = DEFAULT_TERM_POLICY) => computeSeizureTerm({ seizureDate, testingPeriods: [] }, policy);

describe('行政强制法 art.25(1) with SAMR rule art.80: 30 calendar days from the day the coal was taken', () => {
  it('next-day (SAMR art.80 "期间开始的日不计算在内", default): the seizure day is not counted', () => {
    const t = term('2026-03-05');
    expect(t).toEqual({ firstDay: '2026-03-06', baseEndDate: '2026-04-04', endDate: '2026-04-04', totalDays: 30, excludedDays: 0 });
    expect(daysBetween(t.firstDay, t.endDate) + 1).toBe(30);
  });

  it('the statutory defaults: 30 days, at most 30 more, warn 5 days ahead, no holidays of its own', () => {
    expect(DEFAULT_TERM_POLICY).toEqual({ startDayRule: 'next-day', baseDays: 30, maxExtensionDays: 30, warnWithinDays: 5, statutoryHolidays: [] });
  });

  it('same-day: the seizure day is day 1', () => {
    expect(term('2026-03-05', sameDay)).toMatchObject({ firstDay: '2026-03-05', endDate: '2026-04-03' });
  });

  it('art.24: coal taken on 09-01 and decided on 09-10 — the term still ends 30 days after 09-01, not after the decision', () => {
    expect(term('2026-09-01').endDate).toBe('2026-10-01');
    expect(term('2026-09-01', national).endDate).toBe('2026-10-08');
  });

  it('art.69: the 30-day term is calendar days, weekends included', () => {
    // 2026-11-28 is a Saturday; day 30 (12-28) is a Monday, and the weekends in between count.
    expect(term('2026-11-28').endDate).toBe('2026-12-28');
  });
});

describe('art.25(1): month ends and leap years', () => {
  it.each([
    ['2026-01-31', '2026-03-02'],
    ['2028-01-31', '2028-03-01'],
    ['2028-02-28', '2028-03-29'],
    ['2028-02-29', '2028-03-30'],
    ['2026-12-15', '2027-01-14'],
    ['2026-02-28', '2026-03-30'],
    ['2100-02-01', '2100-03-03'],
  ])('seized %s ends %s', (seized, end) => {
    expect(term(seized).endDate).toBe(end);
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-2-3', 1)).toThrow(RangeError);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('x2026-01-01')).toBe(false);
    expect(isIsoDate('2026-01-01x')).toBe(false);
  });

  it('Beijing time whatever the machine zone: an instant maps to its Asia/Shanghai day', () => {
    expect(shanghaiDate(new Date('2026-03-05T16:00:00Z'))).toBe('2026-03-06');
    expect(shanghaiDate(new Date('2026-03-05T15:59:59.999Z'))).toBe('2026-03-05');
  });
});

describe('art.25(3): testing periods are excluded only up to their notified end', () => {
  const testing = (startDate: string, notifiedEndDate: string, endDate: string | null) => ({ startDate, notifiedEndDate, endDate });

  it('a testing period closed by its result pushes the end by its length', () => {
    const t = computeSeizureTerm({ seizureDate: '2026-03-05', testingPeriods: [testing('2026-03-07', '2026-03-20', '2026-03-12')] });
    expect(t.excludedDays).toBe(6);
    expect(t.endDate).toBe('2026-04-10');
  });

  it('an open testing period excludes its notified days; the term is the latest end told to the party', () => {
    const t = computeSeizureTerm({ seizureDate: '2026-03-05', testingPeriods: [testing('2026-03-07', '2026-03-12', null)] });
    expect(t.excludedDays).toBe(6);
    expect(t.endDate).toBe('2026-04-10');
    expect(termStatus({ seizureDate: '2026-03-05', testingPeriods: [testing('2026-03-07', '2026-03-12', null)] }, '2026-03-07').state).toBe('paused');
    expect(termStatus({ seizureDate: '2026-03-05', testingPeriods: [testing('2026-03-07', '2026-03-12', null)] }, '2026-03-12').state).toBe('paused');
  });

  it('paused only inside an open period: not before it starts, not once its result is in', () => {
    const open = { seizureDate: '2026-03-05', testingPeriods: [testing('2026-03-07', '2026-03-12', null)] };
    expect(termStatus(open, '2026-03-06').state).toBe('running');
    const closed = { seizureDate: '2026-03-05', testingPeriods: [testing('2026-03-07', '2026-03-12', '2026-03-09')] };
    expect(termStatus(closed, '2026-03-08').state).toBe('running');
    expect(termStatus(closed, '2026-03-20').state).toBe('running');
  });

  it('a result after the notified end excludes no more than the notified days', () => {
    expect(excludedUntil(testing('2026-03-07', '2026-03-12', '2026-03-20'))).toBe('2026-03-12');
    expect(excludedUntil(testing('2026-03-07', '2026-03-12', '2026-03-10'))).toBe('2026-03-10');
    expect(excludedUntil(testing('2026-03-07', '2026-03-12', '2026-03-12'))).toBe('2026-03-12');
    expect(computeSeizureTerm({ seizureDate: '2026-03-05', testingPeriods: [testing('2026-03-07', '2026-03-12', '2026-03-20')] }).endDate).toBe('2026-04-10');
  });

  it('testing open past its notified end without a result: the clock runs again and every login is warned', () => {
    const input = { seizureDate: '2026-03-05', testingPeriods: [testing('2026-03-07', '2026-03-12', null)] };
    expect(overdueTesting(input.testingPeriods, '2026-03-12')).toBeUndefined();
    expect(overdueTesting(input.testingPeriods, '2026-03-13')).toEqual(input.testingPeriods[0]);
    expect(overdueTesting([testing('2026-03-07', '2026-03-12', '2026-03-15')], '2026-03-20')).toBeUndefined();
    const s = termStatus(input, '2026-03-13');
    expect(s).toMatchObject({ state: 'testing-overdue', remainingDays: 28 });
    expect(s.warnings.map((w) => w.code)).toEqual(['testing-overdue']);
    expect(s.warnings[0]?.zh).toContain('检测期间已于2026-03-12届满');
    expect(termStatus(input, '2026-03-12').warnings).toEqual([]);
    // Still overdue near the end: the term warnings come with it; past the end the term has expired.
    expect(termStatus(input, '2026-04-07').warnings.map((w) => w.code)).toEqual(['testing-overdue', 'term-due-soon', 'extension-window']);
    expect(termStatus(input, '2026-04-11')).toMatchObject({ state: 'expired', remainingDays: -1 });
    expect(termStatus(input, '2026-04-10').state).toBe('last-day');
  });

  it('refuses overlapping, reversed and pre-seizure periods', () => {
    const codes = (periods: ReturnType<typeof testing>[]) => validateTermInput({ seizureDate: '2026-03-05', testingPeriods: periods }).map((p) => p.code);
    expect(codes([testing('2026-03-07', '2026-03-12', '2026-03-12'), testing('2026-03-10', '2026-03-20', '2026-03-09')])).toEqual(['testing-overlap', 'testing-reversed']);
    expect(codes([testing('2026-03-07', '2026-03-12', '2026-03-12'), testing('2026-03-12', '2026-03-20', null)])).toEqual(['testing-overlap']);
    expect(codes([testing('2026-03-07', '2026-03-12', '2026-03-12'), testing('2026-03-13', '2026-03-20', null)])).toEqual([]);
    expect(codes([testing('2026-03-07', '2026-03-12', '2026-03-09'), testing('2026-03-10', '2026-03-20', null)])).toEqual([]);
    expect(codes([testing('2026-03-07', '2026-03-12', null), testing('2026-03-20', '2026-03-21', null)])).toEqual(['testing-overlap']);
    expect(codes([testing('2026-03-07', '2026-03-06', null)])).toEqual(['testing-reversed']);
    expect(codes([testing('2026-03-04', '2026-03-06', null)])).toEqual(['testing-before-seizure']);
    expect(codes([testing('2026-03-05', '2026-03-05', null)])).toEqual([]);
    expect(codes([testing('2026-03-06', '2026-03-08', '2026-03-06')])).toEqual([]);
    // Recorded in any order: judged in calendar order.
    expect(codes([testing('2026-03-13', '2026-03-20', null), testing('2026-03-07', '2026-03-12', '2026-03-12')])).toEqual([]);
    expect(codes([testing('2026-03-10', '2026-03-20', null), testing('2026-03-07', '2026-03-12', '2026-03-12')])).toEqual(['testing-overlap']);
    expect(codes([testing('2026-03-07', '2026-02-30', null)])).toEqual(['testing-date']);
    expect(codes([testing('2026-03-07', '2026-03-09', '2026-03-32')])).toEqual(['testing-date']);
    expect(validateTermInput({ seizureDate: '2026-3-5', testingPeriods: [] }).map((p) => p.code)).toEqual(['seizure-date']);
  });

  it('property: end − first day + 1 = counted days + excluded days', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 }), (seized, gap, len, ext) => {
        const start = addDays(seized, 1 + gap);
        const input = { seizureDate: seized, testingPeriods: [testing(start, addDays(start, len), addDays(start, len))], extension: ext > 0 ? { days: ext, approvedOn: seized } : undefined };
        const t = computeSeizureTerm(input);
        expect(daysBetween(t.firstDay, t.endDate) + 1).toBe(30 + ext + t.excludedDays);
        expect(t.excludedDays).toBe(len + 1);
        expect(t.totalDays).toBe(30 + ext);
      }),
    );
  });
});

describe('art.25(1), (2): one extension of at most 30 days, approved before the term ends', () => {
  it('runs 30 more days from the end of the base term', () => {
    const input = { seizureDate: '2026-03-05', testingPeriods: [], extension: { days: 30, approvedOn: '2026-04-04' } };
    expect(validateTermInput(input)).toEqual([]);
    expect(computeSeizureTerm(input)).toMatchObject({ baseEndDate: '2026-04-04', endDate: '2026-05-04', totalDays: 60 });
  });

  it('after a holiday roll it runs from the rolled end: 10-08 + 30 days = 11-07, not 10-31', () => {
    const input = { seizureDate: '2026-09-01', testingPeriods: [], extension: { days: 30, approvedOn: '2026-10-08' } };
    expect(validateTermInput(input, national)).toEqual([]);
    expect(computeSeizureTerm(input, national)).toMatchObject({ baseEndDate: '2026-10-08', endDate: '2026-11-07' });
    expect(computeSeizureTerm({ ...input, extension: { days: 1, approvedOn: '2026-10-08' } }, national).endDate).toBe('2026-10-09');
  });

  it('an extension ending on a holiday is itself moved past it', () => {
    // Base ends 2026-01-05; +30 → 02-04 … choose 2025: seized 2024-12-05 → base 2025-01-04, +30 → 02-03 (春节) → 02-05.
    expect(computeSeizureTerm({ seizureDate: '2024-12-05', testingPeriods: [], extension: { days: 30, approvedOn: '2025-01-02' } }, national).endDate).toBe('2025-02-05');
  });

  it('testing during the extension is excluded too', () => {
    const t = computeSeizureTerm({
      seizureDate: '2026-03-05', testingPeriods: [{ startDate: '2026-04-10', notifiedEndDate: '2026-04-14', endDate: '2026-04-14' }], extension: { days: 30, approvedOn: '2026-04-01' },
    });
    expect(t).toMatchObject({ baseEndDate: '2026-04-04', endDate: '2026-05-09', excludedDays: 5 });
  });

  it.each([
    [0, ['extension-days']],
    [1, []],
    [30, []],
    [31, ['extension-days']],
    [2.5, ['extension-days']],
  ])('%s days → %j', (days, expected) => {
    expect(validateTermInput({ seizureDate: '2026-03-05', testingPeriods: [], extension: { days, approvedOn: '2026-04-01' } }).map((p) => p.code)).toEqual(expected);
  });

  it('approval on the last day is in time, the day after is late (the rolled last day counts)', () => {
    const late = (approvedOn: string, policy = DEFAULT_TERM_POLICY) =>
      validateTermInput({ seizureDate: '2026-03-05', testingPeriods: [], extension: { days: 10, approvedOn } }, policy).map((p) => p.code);
    expect(late('2026-04-04')).toEqual([]);
    expect(late('2026-04-05')).toEqual(['extension-late']);
    expect(late('2026-04-07', national)).toEqual([]);
    expect(late('2026-04-08', national)).toEqual(['extension-late']);
    expect(validateTermInput({ seizureDate: '2026-03-05', testingPeriods: [], extension: { days: 10, approvedOn: '2026-04-05' } })[0]?.zh).toContain('2026-04-04');
  });

  it('a bad extension length is not also reported late', () => {
    expect(validateTermInput({ seizureDate: '2026-03-05', testingPeriods: [], extension: { days: 40, approvedOn: '2026-05-05' } }).map((p) => p.code)).toEqual(['extension-days']);
  });

  it('respects the maximum the rules give', () => {
    const rules = { ...DEFAULT_TERM_POLICY, maxExtensionDays: 10 };
    expect(validateTermInput({ seizureDate: '2026-03-05', testingPeriods: [], extension: { days: 11, approvedOn: '2026-04-01' } }, rules)[0]?.zh).toBe('延长期限须为1至10日（行政强制法第二十五条第一款）');
  });
});

describe('SAMR rule art.80: a term ending on a statutory holiday ends on the first day after it', () => {
  it.each([
    ['2026-03-05', '2026-04-07'], // 04-04 清明 → 04-07
    ['2026-09-01', '2026-10-08'], // 10-01 国庆 → 10-08
    ['2026-12-04', '2027-01-03'], // 2027: no table shipped, no roll
    ['2025-09-01', '2025-10-09'], // 10-01…10-08 → 10-09
    ['2025-12-02', '2026-01-04'], // 01-01…01-03 → 01-04 (a make-up working Sunday)
    ['2026-01-16', '2026-02-24'], // 02-15 春节 → 02-24
    ['2026-03-04', '2026-04-03'], // 04-03: no holiday, no roll
  ])('seized %s ends %s', (seized, end) => {
    expect(term(seized, national).endDate).toBe(end);
  });

  it('lists the holidays from the first counted day to the rolled end, by the start-day rule', () => {
    const rules = { ...DEFAULT_TERM_POLICY, statutoryHolidays: ['2026-03-05', '2026-03-06', '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01'] };
    expect(holidaysInTerm({ seizureDate: '2026-03-05', testingPeriods: [] }, rules)).toEqual(['2026-03-06', '2026-04-04', '2026-04-05', '2026-04-06']);
    expect(holidaysInTerm({ seizureDate: '2026-03-05', testingPeriods: [] }, { ...rules, startDayRule: 'same-day' })).toEqual(['2026-03-05', '2026-03-06']);
    expect(holidaysInTerm({ seizureDate: '2026-03-05', testingPeriods: [], extension: { days: 30, approvedOn: '2026-03-20' } }, rules))
      .toEqual(['2026-03-06', '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01']);
  });
});

describe('art.27, art.28(4): the days left, and the warnings', () => {
  const input = { seizureDate: '2026-03-05', testingPeriods: [] };

  it.each([
    ['2026-03-05', 'not-started', 30],
    ['2026-03-06', 'running', 29],
    ['2026-03-29', 'running', 6],
    ['2026-03-30', 'due-soon', 5],
    ['2026-04-03', 'due-soon', 1],
    ['2026-04-04', 'last-day', 0],
    ['2026-04-05', 'expired', -1],
  ])('on %s: %s, %i days left', (onDate, state, left) => {
    expect(termStatus(input, onDate)).toMatchObject({ state, remainingDays: left });
  });

  it('the 5-days-left warning starts exactly 5 days before the end, by the configured threshold', () => {
    expect(termStatus(input, '2026-03-29').warnings).toEqual([]);
    expect(termStatus(input, '2026-03-30').warnings.map((w) => w.code)).toEqual(['term-due-soon', 'extension-window']);
    expect(termStatus(input, '2026-03-30').warnings[0]?.zh).toBe('查封、扣押期限将于2026-04-04届满，剩余5日，请在期限内作出处理决定（行政强制法第二十七条）');
    expect(termStatus(input, '2026-03-27', { ...DEFAULT_TERM_POLICY, warnWithinDays: 8 }).state).toBe('due-soon');
    expect(termStatus(input, '2026-03-26', { ...DEFAULT_TERM_POLICY, warnWithinDays: 8 }).state).toBe('running');
  });

  it('on the last day it still warns; after it, only release is lawful (art.28(4))', () => {
    expect(termStatus(input, '2026-04-04').warnings.map((w) => w.code)).toEqual(['term-due-soon', 'extension-window']);
    const expired = termStatus(input, '2026-04-06');
    expect(expired.warnings.map((w) => w.code)).toEqual(['term-expired']);
    expect(expired.warnings[0]?.zh).toBe('查封、扣押期限已于2026-04-04届满，应当及时解除（行政强制法第二十八条第一款第四项）');
  });

  it('an extended term does not suggest extending again', () => {
    const extended = { ...input, extension: { days: 10, approvedOn: '2026-04-01' } };
    expect(termStatus(extended, '2026-04-12').warnings.map((w) => w.code)).toEqual(['term-due-soon']);
  });

  it('before the first counted day nothing is due', () => {
    expect(termStatus(input, '2026-03-05', { ...DEFAULT_TERM_POLICY, warnWithinDays: 30 })).toMatchObject({ state: 'not-started', warnings: [] });
  });
});
