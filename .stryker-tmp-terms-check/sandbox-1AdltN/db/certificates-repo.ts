/** Rows of the certificate tables (migration 002): checks, overrides, follow-up samples, attachments. */
// @ts-nocheck

import type { Db } from './open.ts';

export interface CheckRow {
  id: number;
  registration_id: number;
  report_number: string | null;
  lab: string | null;
  cma_number: string | null;
  sample_origin: 'client' | 'lab' | null;
  sampled_on: string | null;
  reported_on: string | null;
  input_json: string;
  results_json: string;
  verdict: string;
  outcome: string;
  provisional: number;
  checked_json: string;
  items_json: string;
  missing_json: string;
  signals_json: string;
  reasons_json: string;
  policy_version: string;
  limits_version: string;
  checked_at: string;
  checked_by: number;
  checked_by_name: string;
}

export type NewCheckRow = Omit<CheckRow, 'id' | 'checked_by_name'>;

export function insertCheck(db: Db, row: NewCheckRow): number {
  const info = db
    .prepare(
      `INSERT INTO certificate_checks (
        registration_id, report_number, lab, cma_number, sample_origin, sampled_on, reported_on, input_json, results_json,
        verdict, outcome, provisional, checked_json, items_json, missing_json, signals_json, reasons_json, policy_version,
        limits_version, checked_at, checked_by)
      VALUES (
        @registration_id, @report_number, @lab, @cma_number, @sample_origin, @sampled_on, @reported_on, @input_json, @results_json,
        @verdict, @outcome, @provisional, @checked_json, @items_json, @missing_json, @signals_json, @reasons_json, @policy_version,
        @limits_version, @checked_at, @checked_by)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

const CHECK_SELECT = `SELECT c.*, u.username AS checked_by_name FROM certificate_checks c JOIN users u ON u.id = c.checked_by`;

export function getCheck(db: Db, id: number): CheckRow | undefined {
  return db.prepare(`${CHECK_SELECT} WHERE c.id = ?`).get(id) as CheckRow | undefined;
}

/** Checks of every revision of a record, oldest first. */
export function checksOfRecord(db: Db, recordNumber: string): CheckRow[] {
  return db
    .prepare(`${CHECK_SELECT} JOIN registrations r ON r.id = c.registration_id WHERE r.record_number = ? ORDER BY c.id`)
    .all(recordNumber) as CheckRow[];
}

export function allChecks(db: Db): Iterable<CheckRow> {
  return db.prepare(`${CHECK_SELECT} ORDER BY c.id`).iterate() as Iterable<CheckRow>;
}

export interface OverrideRow {
  id: number;
  check_id: number;
  outcome: string;
  reason: string;
  overridden_at: string;
  overridden_by: number;
  overridden_by_name: string;
}

export function insertOverride(db: Db, row: Omit<OverrideRow, 'id' | 'overridden_by_name'>): number {
  const info = db
    .prepare(
      `INSERT INTO certificate_overrides (check_id, outcome, reason, overridden_at, overridden_by)
       VALUES (@check_id, @outcome, @reason, @overridden_at, @overridden_by)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

export function overridesOf(db: Db, checkId: number): OverrideRow[] {
  return db
    .prepare(
      `SELECT o.*, u.username AS overridden_by_name FROM certificate_overrides o JOIN users u ON u.id = o.overridden_by
       WHERE o.check_id = ? ORDER BY o.id`,
    )
    .all(checkId) as OverrideRow[];
}

/**
 * Earlier trucks that presented the same report number, by record (its current revision): those whose
 * registration carries the number and those whose certificate check did. Training records do not count.
 * `beforeId`: only records first registered before this registration id (all, for a preview).
 */
export function earlierUsesOfReport(
  db: Db,
  q: { reportNumber: string; excludeRecordNumber: string | null; beforeId: number | null },
): { truckNetKg: number; origin: string }[] {
  return db
    .prepare(
      `WITH hits(record_number) AS (
         SELECT record_number FROM registrations WHERE report_number = @reportNumber
         UNION
         SELECT cr.record_number FROM certificate_checks c JOIN registrations cr ON cr.id = c.registration_id
         WHERE c.report_number = @reportNumber)
       SELECT r.net_kg AS truckNetKg, r.origin AS origin
       FROM hits h JOIN registrations r ON r.record_number = h.record_number
       WHERE NOT EXISTS (SELECT 1 FROM registrations a WHERE a.amends_id = r.id)
         AND r.training = 0
         AND (@exclude IS NULL OR h.record_number <> @exclude)
         AND (@beforeId IS NULL OR (SELECT MIN(f.id) FROM registrations f WHERE f.record_number = h.record_number) < @beforeId)
       ORDER BY r.id`,
    )
    .all({ reportNumber: q.reportNumber, exclude: q.excludeRecordNumber, beforeId: q.beforeId }) as { truckNetKg: number; origin: string }[];
}

export interface SampleRow {
  id: number;
  registration_id: number;
  check_id: number | null;
  sample_number: string;
  lab: string;
  taken_at: string;
  taken_by: number;
  taken_by_name: string;
  result_report_number: string | null;
  result_json: string | null;
  result_verdict: string | null;
  result_check_json: string | null;
  result_at: string | null;
  result_by: number | null;
  result_by_name: string | null;
}

const SAMPLE_SELECT = `SELECT s.*, t.username AS taken_by_name, b.username AS result_by_name
  FROM follow_up_samples s JOIN users t ON t.id = s.taken_by LEFT JOIN users b ON b.id = s.result_by`;

export function insertSample(
  db: Db,
  row: Pick<SampleRow, 'registration_id' | 'check_id' | 'sample_number' | 'lab' | 'taken_at' | 'taken_by'>,
): number {
  const info = db
    .prepare(
      `INSERT INTO follow_up_samples (registration_id, check_id, sample_number, lab, taken_at, taken_by)
       VALUES (@registration_id, @check_id, @sample_number, @lab, @taken_at, @taken_by)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

export function getSample(db: Db, id: number): SampleRow | undefined {
  return db.prepare(`${SAMPLE_SELECT} WHERE s.id = ?`).get(id) as SampleRow | undefined;
}

export function sampleNumberTaken(db: Db, sampleNumber: string): boolean {
  return db.prepare('SELECT 1 FROM follow_up_samples WHERE sample_number = ?').get(sampleNumber) !== undefined;
}

/** Fills in a sample's result once; returns false when it already had one. */
export function setSampleResult(
  db: Db,
  row: Pick<SampleRow, 'id' | 'result_report_number' | 'result_json' | 'result_verdict' | 'result_check_json' | 'result_at' | 'result_by'>,
): boolean {
  const info = db
    .prepare(
      `UPDATE follow_up_samples SET result_report_number = @result_report_number, result_json = @result_json,
         result_verdict = @result_verdict, result_check_json = @result_check_json, result_at = @result_at, result_by = @result_by
       WHERE id = @id AND result_at IS NULL`,
    )
    .run(row);
  return info.changes === 1;
}

export function samplesOfRecord(db: Db, recordNumber: string): SampleRow[] {
  return db
    .prepare(`${SAMPLE_SELECT} JOIN registrations r ON r.id = s.registration_id WHERE r.record_number = ? ORDER BY s.id`)
    .all(recordNumber) as SampleRow[];
}

export interface AttachmentRow {
  id: number;
  registration_id: number;
  sha256: string;
  mime: string;
  size_bytes: number;
  file_name: string;
  added_at: string;
  added_by: number;
  added_by_name: string;
}

const ATTACHMENT_SELECT = `SELECT a.*, u.username AS added_by_name FROM attachments a JOIN users u ON u.id = a.added_by`;

export function insertAttachment(db: Db, row: Omit<AttachmentRow, 'id' | 'added_by_name'>): number {
  const info = db
    .prepare(
      `INSERT INTO attachments (registration_id, sha256, mime, size_bytes, file_name, added_at, added_by)
       VALUES (@registration_id, @sha256, @mime, @size_bytes, @file_name, @added_at, @added_by)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

export function getAttachment(db: Db, id: number): AttachmentRow | undefined {
  return db.prepare(`${ATTACHMENT_SELECT} WHERE a.id = ?`).get(id) as AttachmentRow | undefined;
}

export function findAttachment(db: Db, registrationId: number, sha256: string): AttachmentRow | undefined {
  return db.prepare(`${ATTACHMENT_SELECT} WHERE a.registration_id = ? AND a.sha256 = ?`).get(registrationId, sha256) as AttachmentRow | undefined;
}

export function attachmentsOfRecord(db: Db, recordNumber: string): AttachmentRow[] {
  return db
    .prepare(`${ATTACHMENT_SELECT} JOIN registrations r ON r.id = a.registration_id WHERE r.record_number = ? ORDER BY a.id`)
    .all(recordNumber) as AttachmentRow[];
}

/** A check's outcome as it stands: the latest supervisor override, if any, else the check's own (alias `c`). */
export const EFFECTIVE_OUTCOME_SQL = /* sql */ `COALESCE((SELECT o.outcome FROM certificate_overrides o WHERE o.check_id = c.id ORDER BY o.id DESC LIMIT 1), c.outcome)`;
