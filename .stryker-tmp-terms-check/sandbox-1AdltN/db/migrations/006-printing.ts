/**
 * Printing to a real printer: each job keeps where it was sent (printer, copies, attempts, the print
 * system's job id) and, until it is printed, the exact PDF bytes, so a retry sends the same paper
 * (same 原件/副本 stamp, same time) instead of counting a new print. Each user's printer is remembered.
 */
// @ts-nocheck

export default /* sql */ `
ALTER TABLE print_jobs ADD COLUMN printer_name TEXT;
ALTER TABLE print_jobs ADD COLUMN copies INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 20);
ALTER TABLE print_jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE print_jobs ADD COLUMN spool_job_id TEXT;

-- Dropped once the job is printed: the frozen data and content hash of printed_documents stay the record.
CREATE TABLE print_job_pdfs (
  job_id INTEGER PRIMARY KEY REFERENCES print_jobs(id),
  pdf BLOB NOT NULL
);

CREATE TABLE printer_choices (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  printer_name TEXT NOT NULL,
  copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 20),
  updated_at TEXT NOT NULL
);
`;
