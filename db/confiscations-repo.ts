/** Confiscations of cases (the penalty decision behind each) and signed confiscation notices. */
import type { ConfiscationNoticeSummary } from '../src-shared/contract/confiscations.ts';
import type { ConfiscationNotice } from '../src-shared/domain/signed-records.ts';
import type { PenaltyDecision } from '../src-shared/domain/disposal-ledger.ts';
import type { Db } from './open.ts';

export interface CaseConfiscation extends PenaltyDecision {
  reason: string;
  recordedAt: string;
}

export function insertCaseConfiscation(db: Db, c: { caseId: number; penaltyDecisionNo: string; penaltyDecisionDate: string; reason: string; by: number; at: string }): void {
  db.prepare(
    `INSERT INTO case_confiscations (case_id, penalty_decision_no, penalty_decision_date, reason, recorded_by, recorded_at)
     VALUES (@caseId, @penaltyDecisionNo, @penaltyDecisionDate, @reason, @by, @at)`,
  ).run(c);
}

export function getCaseConfiscation(db: Db, caseId: number): CaseConfiscation | null {
  return (db.prepare(
    `SELECT penalty_decision_no AS penaltyDecisionNo, penalty_decision_date AS penaltyDecisionDate, reason, recorded_at AS recordedAt
     FROM case_confiscations WHERE case_id = @caseId`,
  ).get({ caseId }) as CaseConfiscation | undefined) ?? null;
}

export function insertNotice(
  db: Db, n: { direction: 'outgoing' | 'incoming'; notice: ConfiscationNotice; contentHash: string; qrText: string | null; fileText: string; by: number; at: string },
): number {
  return Number(db.prepare(
    `INSERT INTO confiscation_notices (uid, direction, case_ref, disposal_point_code, penalty_decision_no, penalty_decision_date, record_json, content_hash,
       signature_qr_text, signed_file_text, recorded_by, recorded_at)
     VALUES (@uid, @direction, @caseRef, @pointCode, @no, @date, @json, @contentHash, @qrText, @fileText, @by, @at)`,
  ).run({
    uid: n.notice.id, direction: n.direction, caseRef: n.notice.caseId, pointCode: n.notice.disposalPointId, no: n.notice.penaltyDecisionNo,
    date: n.notice.penaltyDecisionDate, json: JSON.stringify(n.notice), contentHash: n.contentHash, qrText: n.qrText, fileText: n.fileText, by: n.by, at: n.at,
  }).lastInsertRowid);
}

const SUMMARY = `id, uid, direction, case_ref AS caseRef, disposal_point_code AS disposalPointCode, penalty_decision_no AS penaltyDecisionNo,
  penalty_decision_date AS penaltyDecisionDate, recorded_at AS recordedAt, signature_qr_text AS qrText, signed_file_text AS fileText`;

export function noticeImported(db: Db, uid: string): boolean {
  return db.prepare("SELECT 1 FROM confiscation_notices WHERE uid = @uid AND direction = 'incoming'").get({ uid }) !== undefined;
}

/** The penalty decision of a notice imported here for the case and point, if any. */
export function incomingNoticeFor(db: Db, caseRef: string, pointCode: string): PenaltyDecision | null {
  return (db.prepare(
    `SELECT penalty_decision_no AS penaltyDecisionNo, penalty_decision_date AS penaltyDecisionDate FROM confiscation_notices
     WHERE direction = 'incoming' AND case_ref = @caseRef AND disposal_point_code = @pointCode ORDER BY id LIMIT 1`,
  ).get({ caseRef, pointCode }) as PenaltyDecision | undefined) ?? null;
}

export function listNotices(db: Db, direction: 'outgoing' | 'incoming', caseRef?: string): ConfiscationNoticeSummary[] {
  return db.prepare(`SELECT ${SUMMARY} FROM confiscation_notices WHERE direction = @direction AND (@caseRef IS NULL OR case_ref = @caseRef) ORDER BY id DESC`)
    .all({ direction, caseRef: caseRef ?? null }) as ConfiscationNoticeSummary[];
}
