/** When the daily backup is due: once per Beijing day, from the configured time on (a PC that was off catches up at start). */
import { localDate, toLocalIso } from './local-time.ts';

export function dailyBackupDue(dailyAt: string, now: Date, lastDailyAttempt: Date | null): boolean {
  const today = localDate(now);
  if (lastDailyAttempt && localDate(lastDailyAttempt) === today) return false;
  return toLocalIso(now).slice(11, 16) >= dailyAt;
}
