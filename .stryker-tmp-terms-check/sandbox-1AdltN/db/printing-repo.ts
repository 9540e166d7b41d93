/** The PDF bytes of jobs not yet printed, each job's send attempts, and each user's printer. */
// @ts-nocheck

import type { Db } from './open.ts';

export function storeJobPdf(db: Db, jobId: number, pdf: Buffer): void {
  db.prepare('INSERT INTO print_job_pdfs (job_id, pdf) VALUES (@jobId, @pdf)').run({ jobId, pdf });
}

export function jobPdf(db: Db, jobId: number): Buffer | null {
  const row = db.prepare('SELECT pdf FROM print_job_pdfs WHERE job_id = @jobId').get({ jobId }) as { pdf: Buffer } | undefined;
  return row?.pdf ?? null;
}

/** One more attempt to send the job, to this printer; returns the attempt's number. */
export function recordAttempt(db: Db, a: { jobId: number; printerName: string; copies: number; at: string }): number {
  const row = db.prepare(
    `UPDATE print_jobs SET printer_name = @printerName, copies = @copies, attempts = attempts + 1, updated_at = @at
     WHERE id = @jobId RETURNING attempts`,
  ).get(a) as { attempts: number };
  return row.attempts;
}

export function recordSpoolJob(db: Db, jobId: number, spoolJobId: string | null): void {
  db.prepare('UPDATE print_jobs SET spool_job_id = @spoolJobId WHERE id = @jobId').run({ jobId, spoolJobId });
}

export function printCountOfDocument(db: Db, documentId: number): number {
  return (db.prepare('SELECT print_count FROM printed_documents WHERE id = @documentId').get({ documentId }) as { print_count: number }).print_count;
}

export interface PrinterChoice {
  printerName: string;
  copies: number;
}

export function printerChoice(db: Db, userId: number): PrinterChoice | null {
  const row = db.prepare('SELECT printer_name, copies FROM printer_choices WHERE user_id = @userId').get({ userId }) as
    | { printer_name: string; copies: number }
    | undefined;
  return row ? { printerName: row.printer_name, copies: row.copies } : null;
}

export function savePrinterChoice(db: Db, userId: number, choice: PrinterChoice, at: string): void {
  db.prepare(
    `INSERT INTO printer_choices (user_id, printer_name, copies, updated_at) VALUES (@userId, @printerName, @copies, @at)
     ON CONFLICT(user_id) DO UPDATE SET printer_name = excluded.printer_name, copies = excluded.copies, updated_at = excluded.updated_at`,
  ).run({ userId, ...choice, at });
}
