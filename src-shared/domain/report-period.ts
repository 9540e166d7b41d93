/**
 * Reporting periods at the checkpoint, all in local (Beijing) dates: ISO weeks Monday–Sunday, calendar
 * months, the heating season that monthly figures accumulate over, and the county's reporting day.
 * A period is an inclusive pair of YYYY-MM-DD dates; `periodBounds` turns it into a UTC half-open range.
 */
import { addDays, isValidDate, localDate, startOfLocalDate } from './local-time.ts';

export interface LocalPeriod {
  /** First local date, inclusive. */
  from: string;
  /** Last local date, inclusive. */
  to: string;
}

const DAY_MS = 86400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00.000Z`) / DAY_MS;
/** 1 = Monday … 7 = Sunday. */
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00.000Z`).getUTCDay() + 6) % 7) + 1;

/** Monday of ISO week 1: the week holding the year's first Thursday (4 January is always in it). */
function firstMondayOfIsoYear(year: number): string {
  const jan4 = `${String(year).padStart(4, '0')}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4));
}

/** '2026-W48' → Monday 2026-11-23 … Sunday 2026-11-29; null when the text is not a week of that year. */
export function parseIsoWeek(text: string): LocalPeriod | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  const from = addDays(firstMondayOfIsoYear(year), (week - 1) * 7);
  return { from, to: addDays(from, 6) };
}

export function isoWeeksInYear(year: number): number {
  return (dayNumber(firstMondayOfIsoYear(year + 1)) - dayNumber(firstMondayOfIsoYear(year))) / 7;
}

/** The ISO week ('2026-W49') a local date belongs to. */
export function isoWeekOf(date: string): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(firstMondayOfIsoYear(year))) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday–Sunday week holding the date. */
export function weekOf(date: string): LocalPeriod {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 6) };
}

/** '2026-11' → 2026-11-01 … 2026-11-30; null when malformed. */
export function parseMonth(text: string): LocalPeriod | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  const from = `${text}-01`;
  return { from, to: addDays(nextMonthStart(from), -1) };
}

function nextMonthStart(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

export const monthOf = (date: string): string => date.slice(0, 7);

/** 'MM-DD', e.g. '11-15': the day the heating season (and its cumulative figures) starts each year. */
export function isValidMonthDay(text: string): boolean {
  return /^\d{2}-\d{2}$/.test(text) && isValidDate(`2001-${text}`);
}

/** Start of the heating season holding `date`: the latest season start on or before it. */
export function heatingSeasonStart(date: string, seasonStart: string): string {
  const thisYear = `${date.slice(0, 4)}-${seasonStart}`;
  return thisYear <= date ? thisYear : `${Number(date.slice(0, 4)) - 1}-${seasonStart}`;
}

/**
 * The cumulative period a monthly report adds up: from the start of the heating season holding the
 * month's last day to that day. November with a 15 November start covers 15–30 November only.
 */
export function seasonToDate(month: LocalPeriod, seasonStart: string): LocalPeriod {
  return { from: heatingSeasonStart(month.to, seasonStart), to: month.to };
}

export interface ReportingReminder {
  /** The month the report covers: the current month (附件6 四(三): 每月23日前报告当月工作进度和累计进度). */
  month: string;
  dueDate: string;
  daysLeft: number;
}

/**
 * 附件6 四(三) wants, before the 23rd of every month, the CURRENT month's progress and the cumulative
 * progress. Within `leadDays` of the reporting day (and on the day) the dashboard reminds; after the day
 * the month's report is past due and the next one is next month's.
 */
export function reportingReminder(today: string, reportingDay: number, leadDays = 3): ReportingReminder | null {
  const dueThisMonth = `${today.slice(0, 7)}-${String(reportingDay).padStart(2, '0')}`;
  const daysLeft = dayNumber(dueThisMonth) - dayNumber(today);
  if (daysLeft < 0 || daysLeft > leadDays) return null;
  return { month: monthOf(today), dueDate: dueThisMonth, daysLeft };
}

/**
 * The part of a month a report can speak for on `today`: the whole month once it is over, the month to
 * date while it runs (the report is due before the 23rd of the month it covers), null before it begins.
 */
export function monthToDate(month: string, today: string): LocalPeriod | null {
  const whole = parseMonth(month);
  if (!whole || today < whole.from) return null;
  return { from: whole.from, to: today < whole.to ? today : whole.to };
}

/** UTC half-open [from, to) instants of a local period, as stored in `registered_at`. */
export function periodBounds(period: LocalPeriod): { fromIso: string; toIso: string } {
  return { fromIso: startOfLocalDate(period.from).toISOString(), toIso: startOfLocalDate(addDays(period.to, 1)).toISOString() };
}

export function periodDays(period: LocalPeriod): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1;
}

/** Today, this week, for a clock reading. */
export function todayAndWeek(now: Date): { today: LocalPeriod; week: LocalPeriod } {
  const today = localDate(now);
  return { today: { from: today, to: today }, week: weekOf(today) };
}
