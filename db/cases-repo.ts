/** Enforcement cases, their events and the certificate finding they start from. Named parameters only. */
import type { CaseDraft, CaseFinding, CaseTermRules, EnforcementCase, TestingRecord } from '../src-shared/contract/cases.ts';
import { EFFECTIVE_OUTCOME_SQL } from './certificates-repo.ts';
import type { CasePhase } from '../src-shared/domain/case-state.ts';
import type { Db } from './open.ts';

export interface CaseRow {
  id: number;
  case_number: string;
  registration_id: number | null;
  phase: CasePhase;
  record_json: string;
  custody_point_id: number | null;
  net_kg: number;
  plate: string | null;
  finding_json: string | null;
  decision_date: string | null;
  decided_by: number | null;
  testing_json: string;
  extension_json: string | null;
  release_json: string | null;
  outcome_date: string | null;
  term_rules_json: string | null;
  seized_at: string | null;
  seized_place: string | null;
  decided_at: string | null;
  served_at: string | null;
  late_decision_reason: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

/** A case as stored: the contract's view without what is derived on reading (numbers, term, documents). */
export type StoredCase = Omit<EnforcementCase, 'decisionNumber' | 'decidedById' | 'term' | 'documents' | 'seizureDate'> & { decidedBy: number | null };

export function toStoredCase(r: CaseRow): StoredCase {
  return {
    id: r.id,
    caseNumber: r.case_number,
    registrationId: r.registration_id,
    phase: r.phase,
    draft: JSON.parse(r.record_json) as CaseDraft,
    netKg: r.net_kg,
    plate: r.plate,
    finding: r.finding_json === null ? null : (JSON.parse(r.finding_json) as CaseFinding),
    seizedAt: r.seized_at,
    seizedPlace: r.seized_place,
    decisionDate: r.decision_date,
    decidedAt: r.decided_at,
    servedAt: r.served_at,
    lateDecisionReason: r.late_decision_reason,
    decidedBy: r.decided_by,
    testing: JSON.parse(r.testing_json) as TestingRecord[],
    extension: r.extension_json === null ? null : (JSON.parse(r.extension_json) as StoredCase['extension']),
    release: r.release_json === null ? null : (JSON.parse(r.release_json) as StoredCase['release']),
    outcomeDate: r.outcome_date,
    termRules: r.term_rules_json === null ? null : (JSON.parse(r.term_rules_json) as CaseTermRules),
    createdAt: r.created_at,
  };
}

export function getCaseRow(db: Db, id: number): CaseRow | undefined {
  return db.prepare('SELECT * FROM enforcement_cases WHERE id = @id').get({ id }) as CaseRow | undefined;
}

export function getCaseByNumber(db: Db, caseNumber: string): CaseRow | undefined {
  return db.prepare('SELECT * FROM enforcement_cases WHERE case_number = @caseNumber').get({ caseNumber }) as CaseRow | undefined;
}

export function listCaseRows(db: Db, phase?: CasePhase): CaseRow[] {
  return phase === undefined
    ? (db.prepare('SELECT * FROM enforcement_cases ORDER BY id DESC').all() as CaseRow[])
    : (db.prepare('SELECT * FROM enforcement_cases WHERE phase = @phase ORDER BY id DESC').all({ phase }) as CaseRow[]);
}

export interface SeizureCandidateRow {
  registrationId: number;
  recordNumber: string;
  plate: string;
  netKg: number;
  origin: string;
  registeredAt: string;
}

/**
 * Trucks waiting for a case: the current revision of each record whose latest certificate check stands at
 * seizure (overrides included), with no case opened from any of the record's revisions. Newest first.
 */
export function seizureCandidates(db: Db, limit: number): SeizureCandidateRow[] {
  return db
    .prepare(
      `SELECT r.id AS registrationId, r.record_number AS recordNumber, r.plate, r.net_kg AS netKg, r.origin, r.registered_at AS registeredAt
       FROM certificate_checks c JOIN registrations r0 ON r0.id = c.registration_id
       JOIN registrations r ON r.record_number = r0.record_number AND NOT EXISTS (SELECT 1 FROM registrations a WHERE a.amends_id = r.id)
       WHERE r.training = 0
         AND c.id = (SELECT MAX(k.id) FROM certificate_checks k JOIN registrations kr ON kr.id = k.registration_id WHERE kr.record_number = r0.record_number)
         AND ${EFFECTIVE_OUTCOME_SQL} = 'seize'
         AND NOT EXISTS (SELECT 1 FROM enforcement_cases e JOIN registrations er ON er.id = e.registration_id WHERE er.record_number = r0.record_number)
       ORDER BY c.id DESC LIMIT @limit`,
    )
    .all({ limit }) as SeizureCandidateRow[];
}

export function caseIdForRegistration(db: Db, registrationId: number): number | null {
  const row = db.prepare('SELECT id FROM enforcement_cases WHERE registration_id = @registrationId').get({ registrationId }) as { id: number } | undefined;
  return row?.id ?? null;
}

export interface NewCase {
  caseNumber: string;
  registrationId: number | null;
  draft: CaseDraft;
  netKg: number;
  plate: string | null;
  finding: CaseFinding | null;
  createdBy: number;
  at: string;
}

export function insertCase(db: Db, c: NewCase): number {
  return Number(
    db.prepare(
      `INSERT INTO enforcement_cases (case_number, registration_id, phase, record_json, custody_point_id, net_kg, plate, finding_json, created_by, created_at, updated_at)
       VALUES (@caseNumber, @registrationId, 'draft', @recordJson, @custodyPointId, @netKg, @plate, @findingJson, @createdBy, @at, @at)`,
    ).run({
      caseNumber: c.caseNumber, registrationId: c.registrationId, recordJson: JSON.stringify(c.draft), custodyPointId: c.draft.custodyPointId,
      netKg: c.netKg, plate: c.plate, findingJson: c.finding === null ? null : JSON.stringify(c.finding), createdBy: c.createdBy, at: c.at,
    }).lastInsertRowid,
  );
}

export function updateDraft(db: Db, id: number, draft: CaseDraft, netKg: number, plate: string | null, at: string): void {
  db.prepare(
    `UPDATE enforcement_cases SET record_json = @recordJson, custody_point_id = @custodyPointId, net_kg = @netKg, plate = @plate, updated_at = @at
     WHERE id = @id AND phase = 'draft'`,
  ).run({ id, recordJson: JSON.stringify(draft), custodyPointId: draft.custodyPointId, netKg, plate, at });
}

/** When and where the coal was taken and the decision made and served, fixed once decided. */
export interface DecisionFacts {
  seizedAt: string;
  seizedPlace: string;
  decidedAt: string;
  servedAt: string;
  lateDecisionReason: string | null;
}

export function recordDecisionFacts(db: Db, id: number, f: DecisionFacts): void {
  db.prepare(
    `UPDATE enforcement_cases SET seized_at = @seizedAt, seized_place = @seizedPlace, decided_at = @decidedAt, served_at = @servedAt,
       late_decision_reason = @lateDecisionReason
     WHERE id = @id AND seized_at IS NULL`,
  ).run({ id, ...f });
}

export interface ProgressUpdate {
  phase: CasePhase;
  decisionDate: string | null;
  decidedBy: number | null;
  testing: TestingRecord[];
  extension: StoredCase['extension'];
  release: StoredCase['release'];
  outcomeDate: string | null;
  termRules: CaseTermRules | null;
}

export function updateProgress(db: Db, id: number, p: ProgressUpdate, at: string): void {
  db.prepare(
    `UPDATE enforcement_cases SET phase = @phase, decision_date = @decisionDate, decided_by = @decidedBy, testing_json = @testingJson,
       extension_json = @extensionJson, release_json = @releaseJson, outcome_date = @outcomeDate,
       term_rules_json = @termRulesJson, updated_at = @at
     WHERE id = @id`,
  ).run({
    id, phase: p.phase, decisionDate: p.decisionDate, decidedBy: p.decidedBy, testingJson: JSON.stringify(p.testing),
    extensionJson: p.extension === null ? null : JSON.stringify(p.extension), releaseJson: p.release === null ? null : JSON.stringify(p.release),
    outcomeDate: p.outcomeDate, termRulesJson: p.termRules === null ? null : JSON.stringify(p.termRules), at,
  });
}

export function appendCaseEvent(
  db: Db,
  e: { caseId: number; type: string; eventDate: string; phaseAfter: CasePhase; payload: unknown; actorId: number | null; at: string },
): void {
  db.prepare(
    `INSERT INTO case_events (case_id, seq, type, event_date, phase_after, payload_json, actor_id, at)
     VALUES (@caseId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_events WHERE case_id = @caseId), @type, @eventDate, @phaseAfter, @payloadJson, @actorId, @at)`,
  ).run({ caseId: e.caseId, type: e.type, eventDate: e.eventDate, phaseAfter: e.phaseAfter, payloadJson: JSON.stringify(e.payload ?? null), actorId: e.actorId, at: e.at });
}

/** The latest event of a type on a case (its payload parsed), for the papers that print what it recorded. */
export function latestCaseEvent(db: Db, caseId: number, type: string): { eventDate: string; at: string; payload: unknown } | null {
  const row = db.prepare('SELECT event_date AS eventDate, at, payload_json AS payloadJson FROM case_events WHERE case_id = @caseId AND type = @type ORDER BY seq DESC LIMIT 1')
    .get({ caseId, type }) as { eventDate: string; at: string; payloadJson: string } | undefined;
  return row ? { eventDate: row.eventDate, at: row.at, payload: JSON.parse(row.payloadJson) as unknown } : null;
}
