/**
 * Which backup sets to keep: grandfather-father-son by Beijing calendar. For each of the last `daily`
 * days that have a set, the newest set of that day; likewise for ISO weeks and calendar months. The newest
 * set is always kept, so pruning never leaves the checkpoint without its latest copy.
 */
import { localDate } from './local-time.ts';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface DatedSet {
  name: string;
  createdAt: Date;
}

/** ISO 8601 week of a YYYY-MM-DD date, as "2026-W48" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: string): string {
  const t = Date.parse(`${date}T00:00:00.000Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(t + (3 - weekday) * 86400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function newestPerBucket(sorted: readonly DatedSet[], bucket: (date: string) => string, count: number, keep: Set<string>): void {
  const seen = new Set<string>();
  for (const set of sorted) {
    if (seen.size >= count) return;
    const key = bucket(localDate(set.createdAt));
    if (seen.has(key)) continue;
    seen.add(key);
    keep.add(set.name);
  }
}

/** The names of the sets to keep; every other set may be deleted. */
export function setsToKeep(sets: readonly DatedSet[], policy: RetentionPolicy): Set<string> {
  const sorted = [...sets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  if (sorted[0]) keep.add(sorted[0].name);
  newestPerBucket(sorted, (d) => d, policy.daily, keep);
  newestPerBucket(sorted, isoWeek, policy.weekly, keep);
  newestPerBucket(sorted, (d) => d.slice(0, 7), policy.monthly, keep);
  return keep;
}

/** Hours since the last good backup, and whether that is past the 24-hour warning line (none at all warns too). */
export function backupAge(lastGoodAt: Date | null, now: Date): { hours: number | null; warn: boolean } {
  if (!lastGoodAt) return { hours: null, warn: true };
  const hours = Math.max(0, (now.getTime() - lastGoodAt.getTime()) / 3600_000);
  return { hours: Math.round(hours * 10) / 10, warn: hours > 24 };
}
