/** The link between a case and the registration it was opened from, and the documents an amendment makes stale. */
import type { Db } from './open.ts';

/** The case holding any revision of a record, or null. Revisions share the record number; the case names one id. */
export function caseOfRecord(db: Db, recordNumber: string): { id: number; caseNumber: string } | null {
  const row = db.prepare(
    `SELECT e.id, e.case_number AS caseNumber FROM enforcement_cases e JOIN registrations r ON r.id = e.registration_id
     WHERE r.record_number = @recordNumber`,
  ).get({ recordNumber }) as { id: number; caseNumber: string } | undefined;
  return row ?? null;
}

/** Who opened the case: an officer of it for the data-by-need rule. */
export function caseCreator(db: Db, caseId: number): number | null {
  const row = db.prepare('SELECT created_by AS createdBy FROM enforcement_cases WHERE id = @caseId').get({ caseId }) as { createdBy: number } | undefined;
  return row?.createdBy ?? null;
}

/** After an officer's amendment the case names the new current revision and carries its net weight. */
export function repointCase(db: Db, caseId: number, c: { registrationId: number; recordJson: string; netKg: number; at: string }): void {
  db.prepare('UPDATE enforcement_cases SET registration_id = @registrationId, record_json = @recordJson, net_kg = @netKg, updated_at = @at WHERE id = @caseId')
    .run({ caseId, ...c });
}

export function flagReissue(db: Db, f: { numberId: number; caseId: number; kind: string; reason: string; by: number; at: string }): void {
  db.prepare('INSERT INTO document_reissues (number_id, case_id, kind, reason, flagged_by, flagged_at) VALUES (@numberId, @caseId, @kind, @reason, @by, @at)').run(f);
}

/** Numbers in force (not voided) of the case that carry a reissue flag. */
export function numbersToReissue(db: Db, caseId: number): Set<number> {
  const rows = db.prepare(
    `SELECT DISTINCT f.number_id AS id FROM document_reissues f JOIN document_numbers n ON n.id = f.number_id
     WHERE f.case_id = @caseId AND n.void_reason IS NULL`,
  ).all({ caseId }) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}
