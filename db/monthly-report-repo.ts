/** The monthly report's written sections (migration 019): one row per month, frozen once signed. */
import type { Db } from './open.ts';

export interface MonthlyReportRow {
  month: string;
  progress: string;
  problems: string;
  suggestions: string;
  status: 'draft' | 'signed';
  saved_by: number;
  saved_by_name: string;
  saved_at: string;
  signed_by: number | null;
  signed_by_name: string | null;
  signed_at: string | null;
}

export function getMonthlyReport(db: Db, month: string): MonthlyReportRow | undefined {
  return db.prepare('SELECT * FROM monthly_report_sections WHERE month = @month').get({ month }) as MonthlyReportRow | undefined;
}

export interface MonthlyReportText {
  month: string;
  progress: string;
  problems: string;
  suggestions: string;
  savedBy: number;
  savedByName: string;
  savedAt: string;
}

/** Saves the draft; the table's trigger refuses it when the month is already signed. */
export function saveMonthlyReport(db: Db, t: MonthlyReportText): void {
  db.prepare(
    `INSERT INTO monthly_report_sections (month, progress, problems, suggestions, status, saved_by, saved_by_name, saved_at)
     VALUES (@month, @progress, @problems, @suggestions, 'draft', @savedBy, @savedByName, @savedAt)
     ON CONFLICT(month) DO UPDATE SET progress = excluded.progress, problems = excluded.problems, suggestions = excluded.suggestions,
       saved_by = excluded.saved_by, saved_by_name = excluded.saved_by_name, saved_at = excluded.saved_at`,
  ).run(t);
}

export function signMonthlyReport(db: Db, month: string, by: { id: number; name: string; at: string }): void {
  db.prepare(
    `UPDATE monthly_report_sections SET status = 'signed', signed_by = @id, signed_by_name = @name, signed_at = @at WHERE month = @month`,
  ).run({ month, ...by });
}
