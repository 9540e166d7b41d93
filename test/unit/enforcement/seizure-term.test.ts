import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  computeSeizureTerm,
  daysBetween,
  DEFAULT_TERM_POLICY,
  holidaysInTerm,
  remainingDays,
  shanghaiDate,
  termStatus,
  validateTermInput,
  type TermPolicy,
} from '../../../src-main/domain/seizure-term.ts';

const sameDay: TermPolicy = { ...DEFAULT_TERM_POLICY, startDayRule: 'same-day' };

describe('seizure term: start-day rule', () => {
  it('next-day (SAMR art.80, default): the decision day is not counted', () => {
    const t = computeSeizureTerm({ decisionDate: '2026-03-05', testingPeriods: [] });
    expect(t.firstDay).toBe('2026-03-06');
    expect(t.endDate).toBe('2026-04-04');
    expect(daysBetween(t.firstDay, t.endDate!) + 1).toBe(30);
  });

  it('same-day: the decision day is day 1', () => {
    const t = computeSeizureTerm({ decisionDate: '2026-03-05', testingPeriods: [] }, sameDay);
    expect(t.firstDay).toBe('2026-03-05');
    expect(t.endDate).toBe('2026-04-03');
  });
});

describe('seizure term: month ends and leap years', () => {
  it.each([
    ['2026-01-31', '2026-03-02'],
    ['2028-01-31', '2028-03-01'],
    ['2026-12-15', '2027-01-14'],
    ['2026-02-28', '2026-03-30'],
  ])('decision %s ends %s', (decision, end) => {
    expect(computeSeizureTerm({ decisionDate: decision, testingPeriods: [] }).endDate).toBe(end);
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('seizure term: testing periods are excluded (行政强制法 art.25(3))', () => {
  it('a closed testing period pushes the end by its length', () => {
    const t = computeSeizureTerm({ decisionDate: '2026-03-05', testingPeriods: [{ startDate: '2026-03-07', endDate: '2026-03-12' }] });
    expect(t.excludedDays).toBe(6);
    expect(t.endDate).toBe('2026-04-10');
  });

  it('an open testing period pauses the clock', () => {
    const t = computeSeizureTerm({ decisionDate: '2026-03-05', testingPeriods: [{ startDate: '2026-03-07', endDate: null }] });
    expect(t.endDate).toBeNull();
    expect(t.pausedAfterDays).toBe(1);
    expect(remainingDays(t, '2026-03-20')).toBe(29);
    expect(termStatus({ decisionDate: '2026-03-05', testingPeriods: [{ startDate: '2026-03-07', endDate: null }] }, '2026-03-20').state).toBe('paused');
  });

  it('refuses overlapping and reversed periods', () => {
    const codes = validateTermInput({
      decisionDate: '2026-03-05',
      testingPeriods: [
        { startDate: '2026-03-07', endDate: '2026-03-12' },
        { startDate: '2026-03-10', endDate: '2026-03-09' },
      ],
    }).map((p) => p.code);
    expect(codes).toContain('testing-overlap');
    expect(codes).toContain('testing-reversed');
  });

  it('property: end − first day + 1 = counted days + excluded days', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 }), (decision, gap, len, ext) => {
        const start = addDays(decision, 1 + gap);
        const input = { decisionDate: decision, testingPeriods: [{ startDate: start, endDate: addDays(start, len) }], extension: ext > 0 ? { days: ext, approvedOn: decision } : undefined };
        const t = computeSeizureTerm(input);
        expect(daysBetween(t.firstDay, t.endDate!) + 1).toBe(30 + ext + t.excludedDays);
        expect(t.excludedDays).toBe(len + 1);
      }),
    );
  });
});

describe('seizure term: extension', () => {
  it('adds at most 30 days, once, approved before the term ends', () => {
    const input = { decisionDate: '2026-03-05', testingPeriods: [], extension: { days: 30, approvedOn: '2026-04-01' } };
    expect(validateTermInput(input)).toEqual([]);
    const t = computeSeizureTerm(input);
    expect(t.baseEndDate).toBe('2026-04-04');
    expect(t.endDate).toBe('2026-05-04');
  });

  it('refuses 31 days and late approval', () => {
    expect(validateTermInput({ decisionDate: '2026-03-05', testingPeriods: [], extension: { days: 31, approvedOn: '2026-04-01' } }).map((p) => p.code)).toEqual(['extension-days']);
    expect(validateTermInput({ decisionDate: '2026-03-05', testingPeriods: [], extension: { days: 10, approvedOn: '2026-04-05' } }).map((p) => p.code)).toEqual(['extension-late']);
  });
});

describe('seizure term: holidays, remaining days and warnings', () => {
  it('a term ending on a statutory holiday ends on the next day after it (SAMR art.80)', () => {
    const policy = { ...DEFAULT_TERM_POLICY, statutoryHolidays: ['2026-04-04', '2026-04-05', '2026-04-06'] };
    expect(computeSeizureTerm({ decisionDate: '2026-03-05', testingPeriods: [] }, policy).endDate).toBe('2026-04-07');
  });

  it('counts down and warns near the end and after it', () => {
    const input = { decisionDate: '2026-03-05', testingPeriods: [] };
    expect(termStatus(input, '2026-03-10').state).toBe('running');
    const soon = termStatus(input, '2026-04-01');
    expect(soon).toMatchObject({ state: 'due-soon', remainingDays: 3 });
    expect(soon.warnings.map((w) => w.code)).toEqual(['term-due-soon', 'extension-window']);
    expect(termStatus(input, '2026-04-04')).toMatchObject({ state: 'last-day', remainingDays: 0 });
    const expired = termStatus(input, '2026-04-06');
    expect(expired).toMatchObject({ state: 'expired', remainingDays: -2 });
    expect(expired.warnings[0]?.zh).toContain('应当及时解除');
  });

  it('dates are Asia/Shanghai civil dates', () => {
    expect(shanghaiDate(new Date('2026-03-05T16:30:00Z'))).toBe('2026-03-06');
    expect(shanghaiDate(new Date('2026-03-05T15:59:59Z'))).toBe('2026-03-05');
  });
});

describe('seizure term: holidays within the term', () => {
  const rules = { ...DEFAULT_TERM_POLICY, statutoryHolidays: ['2026-03-05', '2026-03-06', '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01'] };

  it('lists the holidays from the first counted day to the rolled end date, by the case\'s start-day rule', () => {
    // Decided 03-05: next-day counting starts 03-06, the 30th day 04-04 is a holiday, so the term runs to 04-07.
    expect(holidaysInTerm({ decisionDate: '2026-03-05', testingPeriods: [] }, rules)).toEqual(['2026-03-06', '2026-04-04', '2026-04-05', '2026-04-06']);
    expect(holidaysInTerm({ decisionDate: '2026-03-05', testingPeriods: [] }, { ...rules, startDayRule: 'same-day' }))
      .toEqual(['2026-03-05', '2026-03-06']);
  });

  it('runs to the end of an extended term, and is open-ended while testing pauses the clock', () => {
    expect(holidaysInTerm({ decisionDate: '2026-03-05', testingPeriods: [], extension: { days: 30, approvedOn: '2026-03-20' } }, rules))
      .toEqual(['2026-03-06', '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01']);
    expect(holidaysInTerm({ decisionDate: '2026-03-05', testingPeriods: [{ startDate: '2026-03-10', endDate: null }] }, rules))
      .toEqual(['2026-03-06', '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01']);
  });
});
