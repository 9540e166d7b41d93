import { describe, expect, it } from 'vitest';
import {
  heatingSeasonStart, isoWeekOf, isValidMonthDay, monthToDate, parseIsoWeek, parseMonth, periodBounds, periodDays, reportingReminder, seasonToDate,
} from '../../../src-shared/domain/report-period.ts';
import { maskPhone } from '../../../src-shared/domain/phone-mask.ts';
import { csvField } from '../../../src-main/services/reports/csv.ts';

describe('report periods (Beijing dates)', () => {
  it('turns an ISO week into Monday–Sunday and back', () => {
    expect(parseIsoWeek('2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(parseIsoWeek('2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    // 2026 starts on a Thursday, so it has a week 53; 2025 has none.
    expect(parseIsoWeek('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2026-W00')).toBeNull();
    expect(parseIsoWeek('2026-48')).toBeNull();
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
  });

  it('bounds a local period in UTC: a week starts at 16:00Z on the Sunday before', () => {
    expect(periodBounds(parseIsoWeek('2026-W49')!)).toEqual({ fromIso: '2026-11-29T16:00:00.000Z', toIso: '2026-12-06T16:00:00.000Z' });
  });

  it('parses months, including February of a leap year', () => {
    expect(parseMonth('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(parseMonth('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(parseMonth('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(parseMonth('2026-13')).toBeNull();
  });

  it('accumulates from the start of the heating season holding the month', () => {
    expect(heatingSeasonStart('2026-11-14', '11-15')).toBe('2025-11-15');
    expect(heatingSeasonStart('2026-11-15', '11-15')).toBe('2026-11-15');
    expect(seasonToDate(parseMonth('2027-01')!, '11-15')).toEqual({ from: '2026-11-15', to: '2027-01-31' });
    expect(seasonToDate(parseMonth('2026-11')!, '11-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  // 附件6 四(三): 每月23日前 … 报告当月工作进度和累计进度情况 — the report is on the current month.
  it.each([
    ['2026-12-19', null],
    ['2026-12-20', { month: '2026-12', dueDate: '2026-12-23', daysLeft: 3 }],
    ['2026-12-22', { month: '2026-12', dueDate: '2026-12-23', daysLeft: 1 }],
    ['2026-12-23', { month: '2026-12', dueDate: '2026-12-23', daysLeft: 0 }],
    ['2026-12-24', null],
    ['2027-01-22', { month: '2027-01', dueDate: '2027-01-23', daysLeft: 1 }],
    ['2026-12-01', null],
  ])('附件6 四(三): on %s the reminder is %j', (today, expected) => {
    expect(reportingReminder(today, 23)).toEqual(expected);
  });

  it('附件6 四(三): a reporting day before the 10th is written with two digits', () => {
    expect(reportingReminder('2026-12-03', 5)).toEqual({ month: '2026-12', dueDate: '2026-12-05', daysLeft: 2 });
  });

  it.each([['2026-00'], ['2026-13'], ['x2026-11'], ['2026-11x'], ['2026-1']])('refuses %s as a month', (text) => {
    expect(parseMonth(text)).toBeNull();
  });

  it.each([['11-15', true], ['02-28', true], ['02-29', false], ['02-30', false], ['1-15', false], ['11-15x', false], ['x11-15', false]] as const)(
    // 29 February is refused: a season must start every year.
    'the season start %s is a valid MM-DD: %s', (text, valid) => {
      expect(isValidMonthDay(text)).toBe(valid);
    },
  );

  it('counts the days of a period, both ends included', () => {
    expect(periodDays({ from: '2026-11-01', to: '2026-11-30' })).toBe(30);
    expect(periodDays({ from: '2026-12-31', to: '2026-12-31' })).toBe(1);
  });

  // 附件6 四(三): 当月工作进度 — the month to date while it runs, the whole month once over, nothing before it.
  it.each([
    ['2026-11', '2026-11-20', { from: '2026-11-01', to: '2026-11-20' }],
    ['2026-11', '2026-11-01', { from: '2026-11-01', to: '2026-11-01' }],
    ['2026-11', '2026-11-30', { from: '2026-11-01', to: '2026-11-30' }],
    ['2026-11', '2026-12-05', { from: '2026-11-01', to: '2026-11-30' }],
    ['2026-02', '2027-01-01', { from: '2026-02-01', to: '2026-02-28' }],
    ['2026-12', '2026-11-30', null],
    ['2026-13', '2026-11-30', null],
  ])('附件6 四(三): the report on %s, made on %s, covers %j', (month, today, expected) => {
    expect(monthToDate(month, today)).toEqual(expected);
  });

  it('accumulates the month to date from the heating season start (附件6 四(三): 累计进度)', () => {
    expect(seasonToDate(monthToDate('2026-12', '2026-12-20')!, '11-15')).toEqual({ from: '2026-11-15', to: '2026-12-20' });
    expect(seasonToDate(monthToDate('2026-11', '2026-11-10')!, '11-15')).toEqual({ from: '2025-11-15', to: '2026-11-10' });
    expect(seasonToDate(monthToDate('2027-01', '2027-02-01')!, '11-15')).toEqual({ from: '2026-11-15', to: '2027-01-31' });
  });
});

describe('export helpers', () => {
  it('masks phone numbers as 139****5678', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
  it('quotes CSV fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('plain')).toBe('plain');
  });
});
