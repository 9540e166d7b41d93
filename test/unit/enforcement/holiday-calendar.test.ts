import { describe, expect, it } from 'vitest';
import {
  coveredYears, holidayDates, holidayTableProblems, missingHolidayWarning, missingHolidayYears, type HolidayTable,
} from '../../../src-shared/domain/holiday-calendar.ts';
import { HOLIDAY_TABLES } from '../../../src-main/services/cases/term-policy.ts';

/** Reference Part G, as published by the State Council General Office (国务院办公厅关于…部分节假日安排的通知). */
const PART_G: Record<number, { holidays: [string, string][]; makeUp: string[] }> = {
  2025: {
    holidays: [['01-01', '01-01'], ['01-28', '02-04'], ['04-04', '04-06'], ['05-01', '05-05'], ['05-31', '06-02'], ['10-01', '10-08']],
    makeUp: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    holidays: [['01-01', '01-03'], ['02-15', '02-23'], ['04-04', '04-06'], ['05-01', '05-05'], ['06-19', '06-21'], ['09-25', '09-27'], ['10-01', '10-07']],
    makeUp: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

describe('national holiday tables shipped as verified data (SAMR rule art.80; 国务院办公厅通知)', () => {
  it('ship 2025 and 2026 exactly as published, verified, with their source', () => {
    expect(HOLIDAY_TABLES.map((t) => t.year)).toEqual([2025, 2026]);
    for (const t of HOLIDAY_TABLES) {
      const ref = PART_G[t.year]!;
      expect(t.holidays.map((h) => [h.from.slice(5), h.to.slice(5)])).toEqual(ref.holidays);
      expect(t.makeUpWorkdays.map((d) => d.slice(5))).toEqual(ref.makeUp);
      expect(t.verified).toBe(true);
      expect(t.source).toContain(`国务院办公厅关于${t.year}年部分节假日安排的通知`);
      expect(holidayTableProblems(t)).toEqual([]);
    }
    expect(holidayDates(HOLIDAY_TABLES[0]!)).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(holidayDates(HOLIDAY_TABLES[1]!)).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });

  it('finds what is wrong with a table', () => {
    const bad: HolidayTable = {
      year: 2027, verified: false, source: 'x',
      holidays: [{ name: '元旦', from: '2027-01-02', to: '2027-01-01' }, { name: '春节', from: '2027-01-01', to: '2027-01-03' }, { name: '国庆', from: '2028-10-01', to: '2028-10-02' }],
      makeUpWorkdays: ['2027-01-04', '2027-01-02', '2026-12-26', '2027-01-09'],
    };
    expect(holidayTableProblems(bad)).toEqual([
      '元旦：结束日期早于开始日期',
      '春节：与元旦重叠或未按日期排序',
      '国庆：日期不在2027年内',
      '调休上班日2027-01-04不是周六或周日',
      '调休上班日2027-01-02同时列为节假日',
      '调休上班日2026-12-26不在2027年内',
    ]);
  });
});

describe('a missing year is warned about', () => {
  it('a year counts as covered by a shipped table or by any holiday an administrator entered', () => {
    expect([...coveredYears(HOLIDAY_TABLES, ['2027-01-01'])].sort()).toEqual([2025, 2026, 2027]);
  });

  it.each([
    ['2026-06-01', []],
    ['2026-11-01', []],
    ['2026-11-02', [2027]],
    ['2026-11-29', [2027]],
    ['2027-03-01', [2027]],
    ['2024-12-31', [2024]],
  ])('on %s with 2025 and 2026 shipped and a 60-day horizon: missing %j', (today, missing) => {
    expect(missingHolidayYears(today, new Set([2025, 2026]), 60)).toEqual(missing);
  });

  it('says which year, and whether it is the current one', () => {
    expect(missingHolidayWarning(2027, '2027-03-01')).toMatchObject({ code: 'holidays-missing-current', zh: expect.stringContaining('缺少2027年法定节假日安排') });
    expect(missingHolidayWarning(2027, '2026-11-29').code).toBe('holidays-missing-next');
  });
});
