import { describe, expect, it } from 'vitest';
import { backupAge, DEFAULT_RETENTION, isoWeek, setsToKeep, type DatedSet } from '../../src-shared/domain/backup-retention.ts';
import { dailyBackupDue } from '../../src-shared/domain/backup-schedule.ts';

/** One set a day at 22:00 Beijing (14:00 UTC), from 2026-01-01 for `days` days. */
function year(days: number, hourUtc = 14): DatedSet[] {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(Date.UTC(2026, 0, 1 + i, hourUtc));
    return { name: at.toISOString().slice(0, 10), createdAt: at };
  });
}

describe('isoWeek', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1
    ['2025-12-29', '2026-W01'], // the Monday of that week belongs to 2026
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2026-11-29', '2026-W48'], // a Sunday closes its week
    ['2026-11-30', '2026-W49'],
  ])('%s is %s', (date, week) => expect(isoWeek(date)).toBe(week));
});

describe('retention over a simulated year of daily backups (default 7 daily, 4 weekly, 12 monthly)', () => {
  const sets = year(365);
  const kept = [...setsToKeep(sets, DEFAULT_RETENTION)].sort();

  it('keeps the last 7 days, the newest of the last 4 ISO weeks and of the last 12 months, nothing else', () => {
    expect(kept).toEqual([
      // monthly: the last day of each month Jan–Nov (December's newest is the 31st, already daily)
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30',
      // weekly: the Sundays closing W50–W52 (W53's newest, Dec 31, is daily)
      '2026-12-13', '2026-12-20',
      '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31',
    ]);
  });

  it('counts days in Beijing time: a set made at 23:30 Beijing (15:30 UTC) belongs to that Beijing day', () => {
    const late = year(10, 15.5);
    expect([...setsToKeep(late, { daily: 2, weekly: 0, monthly: 0 })].sort()).toEqual(['2026-01-09', '2026-01-10']);
    // 16:30 UTC is already the next Beijing day: two sets then share a day only if made the same local date.
    const twoSameDay = [{ name: 'a', createdAt: new Date('2026-03-01T01:00:00Z') }, { name: 'b', createdAt: new Date('2026-02-28T16:30:00Z') }];
    expect([...setsToKeep(twoSameDay, { daily: 1, weekly: 0, monthly: 0 })]).toEqual(['a']);
  });

  it('keeps the newest set of a day when several were made (shift end, quit, daily)', () => {
    // 02:00, 09:00 and 15:30 UTC are 10:00, 17:00 and 23:30 on the same Beijing day.
    const day = ['02:00', '09:00', '15:30'].map((t) => ({ name: t, createdAt: new Date(`2026-05-05T${t}:00Z`) }));
    expect([...setsToKeep(day, DEFAULT_RETENTION)]).toEqual(['15:30']);
  });

  it('always keeps the newest set, even with every count at 0, and keeps everything when there are fewer sets than slots', () => {
    expect([...setsToKeep(year(3), { daily: 0, weekly: 0, monthly: 0 })]).toEqual(['2026-01-03']);
    expect(setsToKeep(year(3), DEFAULT_RETENTION).size).toBe(3);
    expect(setsToKeep([], DEFAULT_RETENTION).size).toBe(0);
  });

  it('a gap of missed days (PC off) keeps the last 7 days that HAVE a set, not the last 7 calendar days', () => {
    const gappy = year(30).filter((_, i) => i % 3 === 0);
    expect([...setsToKeep(gappy, { daily: 7, weekly: 0, monthly: 0 })].length).toBe(7);
  });
});

describe('age of the last good backup', () => {
  const now = new Date('2026-11-29T06:00:00Z');
  it.each([
    [null, null, true],
    ['2026-11-29T05:00:00Z', 1, false],
    ['2026-11-28T06:00:00Z', 24, false],
    ['2026-11-28T05:59:00Z', 24, true],
    ['2026-11-25T06:00:00Z', 96, true],
  ])('last good %s → %s h, warn %s', (at, hours, warn) => {
    expect(backupAge(at ? new Date(at) : null, now)).toEqual({ hours, warn });
  });
});

describe('daily backup due (Beijing time)', () => {
  it.each([
    ['22:00', '2026-11-29T13:59:00Z', null, false], // 21:59 Beijing
    ['22:00', '2026-11-29T14:00:00Z', null, true],
    ['22:00', '2026-11-29T15:00:00Z', '2026-11-29T14:00:00Z', false], // already tried today
    ['22:00', '2026-11-30T01:00:00Z', '2026-11-29T14:00:00Z', false], // 09:00 next day: not yet time
    ['00:30', '2026-11-29T16:45:00Z', '2026-11-29T14:00:00Z', true], // 00:45 on the 30th Beijing, though still the 29th in UTC
  ])('at %s, now %s, last %s → %s', (dailyAt, now, last, due) => {
    expect(dailyBackupDue(dailyAt, new Date(now), last ? new Date(last) : null)).toBe(due);
  });
});
