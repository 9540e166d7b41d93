/**
 * The national holiday tables (国务院办公厅关于XXXX年部分节假日安排的通知), published once a year: the
 * holidays a seizure term may not end on (SAMR rule art.80) and the weekend days that are worked
 * (调休上班). Shipped as data per year in data/holidays/; a year with no table is warned about, because
 * a term ending on a holiday of that year would be printed one or more days too short.
 */
import { z } from 'zod';
import { addDays, isIsoDate, type Bilingual, type IsoDate } from './seizure-term.ts';

const Day = z.string().refine(isIsoDate, { message: 'not a YYYY-MM-DD calendar day' });

export const HolidayTableSchema = z.object({
  year: z.int().min(2000).max(2100),
  verified: z.boolean(),
  source: z.string().min(1),
  holidays: z.array(z.object({ name: z.string().min(1), from: Day, to: Day }).strict()).min(1),
  makeUpWorkdays: z.array(Day),
}).strict();
export type HolidayTable = z.output<typeof HolidayTableSchema>;

const weekday = (d: IsoDate) => new Date(`${d}T00:00:00Z`).getUTCDay();
const isWeekend = (d: IsoDate) => weekday(d) === 0 || weekday(d) === 6;

/** Every holiday of the table, one date each, in order. */
export function holidayDates(t: HolidayTable): IsoDate[] {
  return t.holidays.flatMap((h) => {
    const out: IsoDate[] = [];
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) out.push(d);
    return out;
  });
}

/**
 * What is wrong with a table, as an administrator or a test reads it: dates outside the year, reversed
 * or overlapping ranges, and make-up working days that are not weekend days or are holidays themselves.
 */
export function holidayTableProblems(t: HolidayTable): string[] {
  const problems: string[] = [];
  const inYear = (d: IsoDate) => d.startsWith(`${t.year}-`);
  t.holidays.forEach((h, i) => {
    if (!inYear(h.from) || !inYear(h.to)) problems.push(`${h.name}：日期不在${t.year}年内`);
    if (h.to < h.from) problems.push(`${h.name}：结束日期早于开始日期`);
    const prev = t.holidays[i - 1];
    if (prev && h.from <= prev.to) problems.push(`${h.name}：与${prev.name}重叠或未按日期排序`);
  });
  const holidays = new Set(holidayDates(t));
  for (const d of t.makeUpWorkdays) {
    if (!inYear(d)) problems.push(`调休上班日${d}不在${t.year}年内`);
    if (!isWeekend(d)) problems.push(`调休上班日${d}不是周六或周日`);
    if (holidays.has(d)) problems.push(`调休上班日${d}同时列为节假日`);
  }
  return problems;
}

/** A year counts as covered by a shipped table, or by any holiday an administrator entered for it. */
export function coveredYears(tables: readonly HolidayTable[], extraHolidays: readonly IsoDate[]): Set<number> {
  return new Set([...tables.map((t) => t.year), ...extraHolidays.map((d) => Number(d.slice(0, 4)))]);
}

/**
 * Years a running term may reach with no holiday table: the current year and every year up to the
 * longest possible term from today (30 days, 30 days' extension and some margin for testing).
 */
export function missingHolidayYears(today: IsoDate, covered: ReadonlySet<number>, horizonDays: number): number[] {
  const first = Number(today.slice(0, 4));
  const last = Number(addDays(today, horizonDays).slice(0, 4));
  const missing: number[] = [];
  for (let y = first; y <= last; y++) if (!covered.has(y)) missing.push(y);
  return missing;
}

export function missingHolidayWarning(year: number, today: IsoDate): Bilingual {
  const current = year === Number(today.slice(0, 4));
  return {
    code: current ? 'holidays-missing-current' : 'holidays-missing-next',
    zh: `缺少${year}年法定节假日安排（国务院办公厅通知）：在${year}年届满的期限无法顺延，请管理员在“期限规则”中录入${year}年节假日`,
    en: `no ${year} national holiday table: terms ending in ${year} cannot be moved past holidays; an administrator must enter the ${year} holidays under term rules`,
  };
}
