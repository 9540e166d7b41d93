/** Document settings, issued document numbers, printed documents and print jobs. */
import type { DocumentRecord, DocumentSettings, IssuedNumberInfo, PrintJob, TermPolicySettings } from '../src-shared/contract/documents.ts';
import { DEFAULT_NUMBER_PATTERNS, type DocumentKind } from '../src-shared/domain/document-number.ts';
import { DEFAULT_TERM_POLICY } from '../src-shared/domain/seizure-term.ts';
import type { Db } from './open.ts';

interface SettingsRow {
  agency_name: string;
  agency_address: string;
  agency_phone: string;
  seal_text: string;
  review_government: string;
  review_superior_department: string;
  court: string;
  number_patterns_json: string;
  term_policy_json: string | null;
}

const DEFAULT_TERM_SETTINGS: TermPolicySettings = {
  startDayRule: DEFAULT_TERM_POLICY.startDayRule,
  warnWithinDays: DEFAULT_TERM_POLICY.warnWithinDays,
  statutoryHolidays: [...DEFAULT_TERM_POLICY.statutoryHolidays],
};

/** Until an admin fills them in, documents print with placeholders an officer will notice. */
export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  agencyName: '（请在系统设置中填写执法机关名称）',
  agencyAddress: '',
  agencyPhone: '',
  sealText: '',
  reviewGovernment: '（本级人民政府）',
  reviewSuperiorDepartment: '',
  court: '（管辖人民法院）',
  numberPatterns: DEFAULT_NUMBER_PATTERNS,
  termPolicy: DEFAULT_TERM_SETTINGS,
};

export function getDocumentSettings(db: Db): DocumentSettings {
  const r = db.prepare('SELECT * FROM document_settings WHERE id = 1').get() as SettingsRow | undefined;
  if (!r) return DEFAULT_DOCUMENT_SETTINGS;
  return {
    agencyName: r.agency_name,
    agencyAddress: r.agency_address,
    agencyPhone: r.agency_phone,
    sealText: r.seal_text,
    reviewGovernment: r.review_government,
    reviewSuperiorDepartment: r.review_superior_department,
    court: r.court,
    numberPatterns: { ...DEFAULT_NUMBER_PATTERNS, ...(JSON.parse(r.number_patterns_json) as Partial<Record<DocumentKind, string>>) },
    termPolicy: r.term_policy_json === null ? DEFAULT_TERM_SETTINGS : (JSON.parse(r.term_policy_json) as TermPolicySettings),
  };
}

export function saveDocumentSettings(db: Db, s: DocumentSettings, at: string): void {
  db.prepare(
    `INSERT INTO document_settings (id, agency_name, agency_address, agency_phone, seal_text, review_government, review_superior_department, court, number_patterns_json, term_policy_json, updated_at)
     VALUES (1, @agencyName, @agencyAddress, @agencyPhone, @sealText, @reviewGovernment, @reviewSuperiorDepartment, @court, @patterns, @termPolicy, @at)
     ON CONFLICT(id) DO UPDATE SET agency_name = excluded.agency_name, agency_address = excluded.agency_address, agency_phone = excluded.agency_phone,
       seal_text = excluded.seal_text, review_government = excluded.review_government, review_superior_department = excluded.review_superior_department,
       court = excluded.court, number_patterns_json = excluded.number_patterns_json, term_policy_json = excluded.term_policy_json,
       updated_at = excluded.updated_at`,
  ).run({ ...s, patterns: JSON.stringify(s.numberPatterns), termPolicy: JSON.stringify(s.termPolicy), at });
}

interface NumberRow {
  id: number;
  kind: DocumentKind;
  year: number;
  seq: number;
  number: string;
  case_id: number | null;
  void_reason: string | null;
}

const toNumber = (r: NumberRow): IssuedNumberInfo => ({ id: r.id, kind: r.kind, year: r.year, seq: r.seq, number: r.number, caseId: r.case_id, voidReason: r.void_reason });

/** Highest sequence issued or voided for a kind and year: voided numbers stay used. */
export function maxSequence(db: Db, kind: DocumentKind, year: number): number {
  const row = db.prepare('SELECT MAX(seq) AS max FROM document_numbers WHERE kind = @kind AND year = @year').get({ kind, year }) as { max: number | null };
  return row.max ?? 0;
}

export function insertNumber(
  db: Db,
  n: { kind: DocumentKind; year: number; seq: number; number: string; caseId: number | null; handoverId: number | null; issuedBy: number | null; at: string },
): IssuedNumberInfo {
  const id = Number(
    db.prepare(
      `INSERT INTO document_numbers (kind, year, seq, number, case_id, handover_id, issued_by, issued_at)
       VALUES (@kind, @year, @seq, @number, @caseId, @handoverId, @issuedBy, @at)`,
    ).run(n).lastInsertRowid,
  );
  return { id, kind: n.kind, year: n.year, seq: n.seq, number: n.number, caseId: n.caseId, voidReason: null };
}

/** The number in force for a case's document of one kind (the latest not voided). */
export function currentNumber(db: Db, caseId: number, kind: DocumentKind): IssuedNumberInfo | null {
  const row = db
    .prepare('SELECT * FROM document_numbers WHERE case_id = @caseId AND kind = @kind AND void_reason IS NULL ORDER BY id DESC LIMIT 1')
    .get({ caseId, kind }) as NumberRow | undefined;
  return row ? toNumber(row) : null;
}

export function currentNumbersOfCase(db: Db, caseId: number): IssuedNumberInfo[] {
  return (db.prepare('SELECT * FROM document_numbers WHERE case_id = @caseId AND void_reason IS NULL ORDER BY id').all({ caseId }) as NumberRow[]).map(toNumber);
}

export function listNumbers(db: Db, kind: DocumentKind, year: number): IssuedNumberInfo[] {
  return (db.prepare('SELECT * FROM document_numbers WHERE kind = @kind AND year = @year ORDER BY seq').all({ kind, year }) as NumberRow[]).map(toNumber);
}

export function voidNumber(db: Db, id: number, reason: string, by: number | null, at: string): void {
  db.prepare('UPDATE document_numbers SET void_reason = @reason, voided_by = @by, voided_at = @at WHERE id = @id').run({ id, reason, by, at });
}

export interface PrintedDocumentRow {
  id: number;
  number_id: number;
  case_id: number;
  kind: DocumentKind;
  document_number: string;
  content_hash: string;
  data_json: string;
  print_count: number;
}

export function printedDocumentForNumber(db: Db, numberId: number): PrintedDocumentRow | undefined {
  return db.prepare('SELECT * FROM printed_documents WHERE number_id = @numberId').get({ numberId }) as PrintedDocumentRow | undefined;
}

export function insertPrintedDocument(
  db: Db,
  d: { numberId: number; caseId: number; kind: DocumentKind; documentNumber: string; contentHash: string; dataJson: string; by: number | null; at: string },
): number {
  return Number(
    db.prepare(
      `INSERT INTO printed_documents (number_id, case_id, kind, document_number, content_hash, data_json, first_printed_by, first_printed_at)
       VALUES (@numberId, @caseId, @kind, @documentNumber, @contentHash, @dataJson, @by, @at)`,
    ).run(d).lastInsertRowid,
  );
}

/** Counts one more print and queues it; returns the job id and the new count. */
export function recordPrint(
  db: Db,
  p: { documentId: number; copy: 'original' | 'reprint'; by: number | null; byName: string; at: string },
): { jobId: number; printCount: number } {
  const { print_count } = db
    .prepare('UPDATE printed_documents SET print_count = print_count + 1 WHERE id = @documentId RETURNING print_count')
    .get({ documentId: p.documentId }) as { print_count: number };
  const jobId = Number(
    db.prepare(
      `INSERT INTO print_jobs (document_id, copy, printed_by, printed_by_name, printed_at, updated_at)
       VALUES (@documentId, @copy, @by, @byName, @at, @at)`,
    ).run(p).lastInsertRowid,
  );
  return { jobId, printCount: print_count };
}

interface JobRow {
  id: number;
  document_id: number;
  document_number: string;
  copy: 'original' | 'reprint';
  status: PrintJob['status'];
  error: string | null;
  printed_by_name: string;
  printed_at: string;
  printer_name: string | null;
  copies: number;
  attempts: number;
}

const toJob = (r: JobRow): PrintJob => ({
  id: r.id, documentId: r.document_id, documentNumber: r.document_number, copy: r.copy, status: r.status, error: r.error, printedByName: r.printed_by_name, printedAt: r.printed_at,
  printerName: r.printer_name, copies: r.copies, attempts: r.attempts,
});

const JOB_SELECT = 'SELECT j.*, d.document_number FROM print_jobs j JOIN printed_documents d ON d.id = j.document_id';

export function getJob(db: Db, id: number): PrintJob | null {
  const row = db.prepare(`${JOB_SELECT} WHERE j.id = @id`).get({ id }) as JobRow | undefined;
  return row ? toJob(row) : null;
}

export function setJobStatus(db: Db, id: number, status: 'printed' | 'failed', error: string | null, at: string): void {
  db.prepare('UPDATE print_jobs SET status = @status, error = @error, updated_at = @at WHERE id = @id').run({ id, status, error, at });
  // A printed job is never sent again: its bytes are no longer needed (the frozen data stays).
  if (status === 'printed') db.prepare('DELETE FROM print_job_pdfs WHERE job_id = @id').run({ id });
}

/** Jobs not yet confirmed printed: queued ones and failures to retry. */
export function openJobs(db: Db): PrintJob[] {
  return (db.prepare(`${JOB_SELECT} WHERE j.status <> 'printed' ORDER BY j.id`).all() as JobRow[]).map(toJob);
}

export function findDocumentsByHash(db: Db, hashPrefix: string): DocumentRecord[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.case_id, c.case_number, d.kind, d.document_number, d.content_hash, d.print_count, d.first_printed_at,
              u.display_name AS first_printed_by, n.void_reason
       FROM printed_documents d
       JOIN enforcement_cases c ON c.id = d.case_id
       JOIN document_numbers n ON n.id = d.number_id
       LEFT JOIN users u ON u.id = d.first_printed_by
       WHERE substr(d.content_hash, 1, length(@prefix)) = @prefix ORDER BY d.id`,
    )
    .all({ prefix: hashPrefix }) as {
    id: number; case_id: number; case_number: string; kind: DocumentKind; document_number: string; content_hash: string;
    print_count: number; first_printed_at: string; first_printed_by: string | null; void_reason: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id, caseId: r.case_id, caseNumber: r.case_number, kind: r.kind, documentNumber: r.document_number, contentHash: r.content_hash,
    printCount: r.print_count, firstPrintedAt: r.first_printed_at, firstPrintedBy: r.first_printed_by, voidReason: r.void_reason,
  }));
}

export function printCountsOfCase(db: Db, caseId: number): Map<number, { printCount: number; contentHash: string }> {
  const rows = db.prepare('SELECT number_id, print_count, content_hash FROM printed_documents WHERE case_id = @caseId').all({ caseId }) as {
    number_id: number; print_count: number; content_hash: string;
  }[];
  return new Map(rows.map((r) => [r.number_id, { printCount: r.print_count, contentHash: r.content_hash }]));
}
