import { addDays, localDate, toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { isoWeekOf } from '../../../src-shared/domain/report-period.ts';

/** Kilograms as tonnes with three decimals, as the checkpoint's reports print them. */
export const tonnes = (kg: number) => (kg / 1000).toFixed(3);
export const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
/** An instant in Beijing time, to the minute. */
export const beijingMinute = (iso: string | null) => (iso ? toLocalIso(new Date(iso)).slice(0, 16).replace('T', ' ') : '—');
/** This Beijing week and the `count - 1` before it, newest first ('2026-W48'). */
export function recentWeeks(now: Date, count: number): string[] {
  const today = localDate(now);
  return Array.from({ length: count }, (_, n) => isoWeekOf(addDays(today, -7 * n)));
}
