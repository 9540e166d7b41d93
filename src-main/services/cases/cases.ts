/**
 * Enforcement cases: opened from a registration or by hand, edited while in draft, then moved forward
 * only by the domain's events (decide, testing, extend, release, confiscate, destroy). Each move writes
 * the new state, an append-only case event, the document numbers it needs and the audit entry in one
 * transaction; a refused move writes nothing.
 */
import type { Db } from '../../../db/open.ts';
import { nextCounterValue } from '../../../db/counters.ts';
import {
  appendCaseEvent, caseIdForRegistration, getCaseRow, insertCase, listCaseRows, recordDecisionFacts, toStoredCase, updateDraft, updateProgress,
  type ProgressUpdate, type StoredCase,
} from '../../../db/cases-repo.ts';
import { currentNumbersOfCase, printCountsOfCase } from '../../../db/documents-repo.ts';
import { getDisposalPoint } from '../../../db/handovers-repo.ts';
import { getRegistration } from '../../../db/registrations-repo.ts';
import { checksOfRecord, overridesOf, reviewOf } from '../../../db/certificates-repo.ts';
import { numbersToReissue } from '../../../db/case-registration-repo.ts';
import type { z } from 'zod';
import { lawfulFindingOfCheck } from '../certificates/certificates.ts';
import type { CaseDraft, CaseFinding, DestructionInput, EnforcementCase, SamplingInput, TermWarning, TestingRecord, TestingResultInput } from '../../../src-shared/contract/cases.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { applyCaseEvent, validateCaseCompleteness, type CaseEvent, type CaseProgress, type CaseRecord } from '../../../src-shared/domain/case-state.ts';
import { computeSeizureTerm, shanghaiDate, termStatus, type IsoDate, type SeizureTermInput } from '../../../src-shared/domain/seizure-term.ts';
import type { DocumentKind } from '../../../src-shared/domain/document-number.ts';
import { appendAudit } from '../audit.ts';
import { actorOf, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { refusal } from '../domain-refusal.ts';
import { requireStation } from '../accounts/accounts.ts';
import { issueNumber } from '../documents/documents.ts';
import { papersOnEvent } from '../documents/document-data.ts';
import { LEGAL_BASIS_LIST } from '../../../src-shared/domain/legal-basis.ts';
import { seizureBasisProblems } from '../../../src-shared/domain/legal-basis.ts';
import { serviceMethodProblems } from '../../../src-shared/domain/service-method.ts';
import { currentTermPolicy, termPolicyOf, termRulesOf } from './term-policy.ts';
import { mutate } from '../mutate.ts';

const ACTIVE_PHASES = new Set(['seized', 'extended']);

/** The papers served on the spot, numbered when the decision is made. */
export const SEIZURE_SET: readonly DocumentKind[] = ['seizure-decision', 'inventory-list', 'onsite-record', 'service-receipt'];

export function requireCase(db: Db, id: number): StoredCase {
  const row = getCaseRow(db, id);
  if (!row) throw new ServiceError('not-found', 'cases.errors.caseNotFound');
  return toStoredCase(row);
}

/** The term runs from the Asia/Shanghai day the coal was taken (行政强制法 art.24). */
const seizureDateOf = (c: StoredCase): IsoDate | null => (c.seizedAt === null ? null : shanghaiDate(new Date(c.seizedAt)));

function progressOf(c: StoredCase): CaseProgress {
  return {
    phase: c.phase,
    seizureDate: seizureDateOf(c),
    decisionDate: c.decisionDate,
    testingPeriods: c.testing.map((t) => ({ startDate: t.startDate, notifiedEndDate: t.notifiedEndDate, endDate: t.endDate })),
    extension: c.extension && { days: c.extension.days, approvedOn: c.extension.approvedOn, reason: c.extension.reason },
    outcomeDate: c.outcomeDate,
  };
}

const termInputOf = (c: StoredCase, seizureDate: IsoDate): SeizureTermInput =>
  ({ seizureDate, testingPeriods: progressOf(c).testingPeriods, ...(c.extension ? { extension: c.extension } : {}) });

export function termOf(db: Db, c: StoredCase, today: string): EnforcementCase['term'] {
  const seizureDate = seizureDateOf(c);
  if (seizureDate === null || !ACTIVE_PHASES.has(c.phase)) return null;
  const input = termInputOf(c, seizureDate);
  const policy = termPolicyOf(db, c);
  const term = computeSeizureTerm(input, policy);
  const status = termStatus(input, today, policy);
  return { firstDay: term.firstDay, endDate: term.endDate, remainingDays: status.remainingDays, state: status.state };
}

export function caseView(db: Db, c: StoredCase, now: Date): EnforcementCase {
  const prints = printCountsOfCase(db, c.id);
  const numbers = currentNumbersOfCase(db, c.id);
  const reissue = numbersToReissue(db, c.id);
  return {
    ...c,
    seizureDate: seizureDateOf(c),
    decidedById: c.decidedBy,
    decisionNumber: numbers.find((n) => n.kind === 'seizure-decision')?.number ?? null,
    term: termOf(db, c, shanghaiDate(now)),
    documents: numbers.map((n) => ({
      kind: n.kind, number: n.number, printCount: prints.get(n.id)?.printCount ?? 0, contentHash: prints.get(n.id)?.contentHash ?? null, needsReissue: reissue.has(n.id),
    })),
  };
}

const netKgOf = (d: CaseDraft) => d.items.reduce((sum, i) => sum + i.quantityKg, 0);

function newCaseNumber(db: Db, at: Date): string {
  const station = requireStation(db);
  const year = shanghaiDate(at).slice(0, 4);
  const seq = nextCounterValue(db, `case-${station.code}-${year}`);
  return `${station.code}-${year}-${String(seq).padStart(4, '0')}`;
}

function insertAudited(ctx: CallContext, draft: CaseDraft, registrationId: number | null, finding: StoredCase['finding']): EnforcementCase {
  const at = ctx.now();
  const id = insertCase(ctx.db, {
    caseNumber: newCaseNumber(ctx.db, at), registrationId, draft, netKg: netKgOf(draft), plate: draft.vehiclePlates[0] ?? null, finding,
    createdBy: ctx.session.user.id, at: at.toISOString(),
  });
  const c = requireCase(ctx.db, id);
  appendCaseEvent(ctx.db, { caseId: id, type: 'open', eventDate: shanghaiDate(at), phaseAfter: 'draft', payload: { registrationId }, actorId: ctx.session.user.id, at: at.toISOString() });
  appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'cases.open', entity: 'enforcement_case', entityId: id, after: c, at });
  return caseView(ctx.db, c, at);
}

export function openCase(ctx: CallContext, draft: CaseDraft): EnforcementCase {
  return mutate(ctx, () => insertAudited(ctx, draft, null, null));
}

/** The latest certificate check of the record, with a supervisor's override of its outcome if any. */
function certificateFinding(db: Db, recordNumber: string): CaseFinding | null {
  const check = checksOfRecord(db, recordNumber).at(-1);
  if (!check) return null;
  const override = overridesOf(db, check.id).at(-1);
  const reasons = (JSON.parse(check.reasons_json) as { zh?: string; en?: string }[]).map((r) => ({ zh: r.zh ?? '', en: r.en ?? '' }));
  return { checkId: check.id, outcome: override?.outcome ?? reviewOf(db, check.id)?.outcome ?? check.outcome, verdict: check.verdict, reasons };
}

/**
 * Takes over the truck, driver, cargo and net weight of a registration, and the certificate check's
 * verdict and reasons when one was made; the officer completes the rest before deciding.
 */
export function openCaseFromRegistration(ctx: CallContext, registrationId: number): EnforcementCase {
  return mutate(ctx, () => {
    const reg = getRegistration(ctx.db, registrationId);
    if (!reg) throw new ServiceError('not-found', 'errors.registrationNotFound');
    if (reg.amendedById !== null) throw new ServiceError('conflict', 'errors.notCurrentRevision');
    const existing = caseIdForRegistration(ctx.db, registrationId);
    if (existing !== null) throw new ServiceError('conflict', 'cases.errors.alreadyOpened', { id: existing });
    const finding = certificateFinding(ctx.db, reg.recordNumber);
    const station = requireStation(ctx.db);
    const coalKind = reg.coalKind === 'other' && reg.coalKindOther ? reg.coalKindOther : translate('zh-CN', `coalKinds.${reg.coalKind}`);
    const plates = [reg.plate, ...(reg.trailerPlate ? [reg.trailerPlate] : [])];
    const draft: CaseDraft = {
      parties: [{ kind: 'person', role: 'driver', name: reg.driverName, idNumber: reg.driverIdNumber, address: '', phone: reg.driverPhone }],
      vehiclePlates: plates,
      // The lawful fact only (standard, grade, item, value, limit), never the checkpoint's internal notes.
      reason: finding ? lawfulFindingOfCheck(ctx.db, finding.checkId).text : '',
      legalBasisIds: [],
      measure: 'detain',
      items: [{
        coalKind, quantityKg: reg.netKg, measuredBy: 'weighbridge', weighTicketNo: reg.recordNumber, sealNumbers: [],
        vehiclePlate: reg.trailerPlate ?? reg.plate,
        // A weight typed by hand is marked on every document that lists the coal.
        ...(reg.weightSource === 'manual' ? { remarks: `手工录入重量（${reg.manualReason ?? ''}）` } : {}),
      }],
      custodyPointId: null,
      approval: null,
      officers: [],
      seizedAt: ctx.now().toISOString(),
      place: station.name,
      credentialsShown: false,
      rightsNotified: false,
      partyPresent: true,
      partyRefusedToSign: false,
      witness: null,
      partyStatement: '',
    };
    return insertAudited(ctx, draft, registrationId, finding);
  });
}

export function updateCaseDraft(ctx: CallContext, id: number, draft: CaseDraft): EnforcementCase {
  return mutate(ctx, (tx) => {
    const before = requireCase(ctx.db, id);
    if (before.phase !== 'draft') throw new ServiceError('conflict', 'cases.errors.notDraft');
    if (draft.custodyPointId !== null && !getDisposalPoint(ctx.db, draft.custodyPointId)) throw new ServiceError('not-found', 'cases.errors.pointNotFound');
    const at = ctx.now();
    updateDraft(ctx.db, id, draft, netKgOf(draft), draft.vehiclePlates[0] ?? null, at.toISOString());
    const after = requireCase(ctx.db, id);
    tx.audit({ action: 'cases.update', entity: 'enforcement_case', entityId: id, before, after, at });
    return caseView(ctx.db, after, at);
  });
}

/** The case record the legal completeness check reads: the draft plus its place of custody. */
export function caseRecordOf(db: Db, c: StoredCase): CaseRecord {
  const d = c.draft;
  const point = d.custodyPointId === null ? null : getDisposalPoint(db, d.custodyPointId);
  return {
    caseId: c.caseNumber, parties: d.parties, reason: d.reason, legalBasisIds: d.legalBasisIds, measure: d.measure, items: d.items,
    custody: point && { disposalPointId: String(point.id), name: point.name, address: point.address },
    approval: d.approval, officers: d.officers, seizedAt: d.seizedAt, place: d.place, credentialsShown: d.credentialsShown,
    rightsNotified: d.rightsNotified, partyPresent: d.partyPresent, partyRefusedToSign: d.partyRefusedToSign, witness: d.witness,
    partyStatement: d.partyStatement,
  };
}

interface Move {
  action: string;
  event(c: StoredCase, date: string): CaseEvent;
  /**
   * Details the domain progress does not carry (testing institution, approver, release ground…), given
   * the numbers issued for the move by kind.
   */
  details?(c: StoredCase, next: ProgressUpdate, date: string, issued: Partial<Record<DocumentKind, string>>): ProgressUpdate;
  numbers?: readonly DocumentKind[];
  payload?: unknown;
}

/** Applies one domain event to a stored case; the domain's refusal aborts the transaction. */
export function moveCase(ctx: CallContext, id: number, move: Move): EnforcementCase {
  return mutate(ctx, () => {
    const before = requireCase(ctx.db, id);
    const at = ctx.now();
    const date = shanghaiDate(at);
    const event = move.event(before, date);
    const result = applyCaseEvent(progressOf(before), event, termPolicyOf(ctx.db, before));
    if (!result.ok) throw refusal(result.problems);
    const p = result.progress;
    const actor = actorOf(ctx.session);
    const issued = Object.fromEntries((move.numbers ?? []).map((kind) => [kind, issueNumber(ctx.db, kind, { caseId: id }, actor, at).number]));
    let next: ProgressUpdate = {
      phase: p.phase,
      decisionDate: p.decisionDate,
      decidedBy: before.decidedBy,
      testing: p.testingPeriods.map((t, i): TestingRecord => ({ ...(before.testing[i] ?? { institution: '', items: '' }), ...t })),
      extension: before.extension,
      release: before.release,
      outcomeDate: p.outcomeDate,
      termRules: before.termRules,
    };
    if (move.details) next = move.details(before, next, date, issued);
    updateProgress(ctx.db, id, next, at.toISOString());
    appendCaseEvent(ctx.db, { caseId: id, type: event.type, eventDate: event.date, phaseAfter: next.phase, payload: move.payload ?? null, actorId: actor.id, at: at.toISOString() });
    // Papers whose facts arrive with this event (抽样记录, 没收物品清单…) get their numbers now.
    for (const kind of papersOnEvent(event.type, before, move.payload)) issueNumber(ctx.db, kind, { caseId: id }, actor, at);
    const after = requireCase(ctx.db, id);
    appendAudit(ctx.db, { actor, action: move.action, entity: 'enforcement_case', entityId: id, before, after, at });
    return caseView(ctx.db, after, at);
  });
}

/**
 * Decides the case. The decision is made and served now unless the officer says when (a decision made on
 * paper at the roadside and entered later); a day later than the seizure needs `lateReason`, and an
 * impossible order of dates is refused (see validateDecisionTimes).
 */
export function decideCase(ctx: CallContext, input: { id: number; decidedAt?: string | undefined; servedAt?: string | undefined; lateReason: string }): EnforcementCase {
  const now = ctx.now().toISOString();
  const decidedAt = input.decidedAt ?? now;
  const servedAt = input.servedAt ?? decidedAt;
  return moveCase(ctx, input.id, {
    action: 'cases.decide',
    event: (c) => {
      // The basis must hold a power to seize and its procedure (行政强制法 arts 10, 24), not just be non-empty;
      // 留置送达 needs its witness (SAMR rule art.82(2)).
      const record = caseRecordOf(ctx.db, c);
      const basis = [...seizureBasisProblems(c.draft.legalBasisIds, LEGAL_BASIS_LIST), ...serviceMethodProblems(c.draft)];
      // Refused with every other missing element too, so the officer sees the whole list at once.
      if (basis.length > 0) throw refusal([...validateCaseCompleteness(record).filter((p) => p.code !== 'legal-basis'), ...basis]);
      return { type: 'decide', date: shanghaiDate(new Date(decidedAt)), record, times: { decidedAt, servedAt, now, lateReason: input.lateReason } };
    },
    // The case keeps the rules in force today for its whole life (see termPolicyOf).
    details: (c, next) => {
      const late = shanghaiDate(new Date(decidedAt)) > shanghaiDate(new Date(c.draft.seizedAt)) || shanghaiDate(new Date(servedAt)) > shanghaiDate(new Date(decidedAt));
      recordDecisionFacts(ctx.db, c.id, { seizedAt: c.draft.seizedAt, seizedPlace: c.draft.place, decidedAt, servedAt, lateDecisionReason: late ? input.lateReason.trim() : null });
      return { ...next, decidedBy: ctx.session.user.id, termRules: termRulesOf(currentTermPolicy(ctx.db)) };
    },
    numbers: SEIZURE_SET,
  });
}

export function startTesting(
  ctx: CallContext, input: { id: number; institution: string; items: string; sampleNo?: string | undefined; notifiedEndDate: string; sampling?: z.output<typeof SamplingInput> | undefined },
): EnforcementCase {
  // The sampling facts travel in the event (they print the 抽样记录), not in the testing period.
  const { id, sampling, ...details } = input;
  return moveCase(ctx, id, {
    action: 'cases.startTesting',
    event: (_c, date) => ({ type: 'start-testing', date, notifiedEndDate: input.notifiedEndDate }),
    details: (_c, next, _date, issued) => ({
      ...next, testing: next.testing.map((t, i) => (i === next.testing.length - 1 ? { ...t, ...details, noticeNumber: issued['testing-notice'] ?? '' } : t)),
    }),
    numbers: ['testing-notice'],
    payload: { ...details, ...(sampling ? { sampling } : {}) },
  });
}

/** A new definite end of the open testing period, told to the party by a new 检测期间告知书 (art.25(3)). */
export function changeTesting(ctx: CallContext, input: { id: number; notifiedEndDate: string; reason: string }): EnforcementCase {
  return moveCase(ctx, input.id, {
    action: 'cases.changeTesting',
    event: (_c, date) => ({ type: 'change-testing', date, notifiedEndDate: input.notifiedEndDate }),
    details: (c, next, date, issued) => ({
      ...next,
      testing: next.testing.map((t, i) => {
        const old = c.testing[i];
        if (!old || old.notifiedEndDate === t.notifiedEndDate) return t;
        const change = { notifiedOn: date, previousEndDate: old.notifiedEndDate, notifiedEndDate: t.notifiedEndDate, reason: input.reason, noticeNumber: issued['testing-notice'] ?? '' };
        return { ...t, changes: [...(old.changes ?? []), change] };
      }),
    }),
    numbers: ['testing-notice'],
    payload: input,
  });
}

export function endTesting(ctx: CallContext, id: number, result?: z.output<typeof TestingResultInput>): EnforcementCase {
  return moveCase(ctx, id, { action: 'cases.endTesting', event: (_c, date) => ({ type: 'end-testing', date }), ...(result ? { payload: { result } } : {}) });
}

export function extendCase(ctx: CallContext, input: { id: number; days: number; reason: string; approverName: string }): EnforcementCase {
  return moveCase(ctx, input.id, {
    action: 'cases.extend',
    event: (_c, date) => ({ type: 'extend', date, days: input.days, reason: input.reason }),
    details: (_c, next, date) => ({ ...next, extension: { days: input.days, approvedOn: date, reason: input.reason, approverName: input.approverName } }),
    numbers: ['extension-decision'],
    payload: input,
  });
}

export function releaseCase(ctx: CallContext, input: { id: number; ground: number; explanation: string }): EnforcementCase {
  return moveCase(ctx, input.id, {
    action: 'cases.release',
    event: (_c, date) => ({ type: 'release', date }),
    details: (_c, next, date) => ({ ...next, release: { date, ground: input.ground, explanation: input.explanation } }),
    numbers: ['release-decision'],
    payload: input,
  });
}

export function confiscateCase(ctx: CallContext, id: number, reason: string, penalty: { penaltyDecisionNumber?: string; penaltyDecisionDate?: string } = {}): EnforcementCase {
  const { penaltyDecisionNumber, penaltyDecisionDate } = penalty;
  return moveCase(ctx, id, { action: 'cases.confiscate', event: (_c, date) => ({ type: 'confiscate', date }), payload: { reason, penaltyDecisionNumber, penaltyDecisionDate } });
}

export function destroyCase(ctx: CallContext, id: number, reason: string, destruction?: z.output<typeof DestructionInput>): EnforcementCase {
  return moveCase(ctx, id, { action: 'cases.destroy', event: (_c, date) => ({ type: 'destroy', date }), payload: { reason, destruction } });
}

export function listCases(db: Db, now: Date, phase?: StoredCase['phase']): EnforcementCase[] {
  return listCaseRows(db, phase).map((r) => caseView(db, toStoredCase(r), now));
}

/** Cases whose term is close to its end or past it, or whose notified testing period has run out: shown at login. */
export function termWarnings(db: Db, now: Date): TermWarning[] {
  const today = shanghaiDate(now);
  return [...listCaseRows(db, 'seized'), ...listCaseRows(db, 'extended')].flatMap((row) => {
    const c = toStoredCase(row);
    const seizureDate = seizureDateOf(c);
    if (seizureDate === null) return [];
    const input = termInputOf(c, seizureDate);
    const policy = termPolicyOf(db, c);
    const status = termStatus(input, today, policy);
    if (status.warnings.length === 0) return [];
    return [{
      caseId: c.id, caseNumber: c.caseNumber, plate: c.plate, endDate: computeSeizureTerm(input, policy).endDate, remainingDays: status.remainingDays,
      state: status.state, messages: status.warnings.map((w) => ({ zh: w.zh, en: w.en })),
    }];
  }).sort((a, b) => a.remainingDays - b.remainingDays);
}

/** Officers with a credential number, to fill the case form's officer list. */
export function credentialedOfficers(db: Db): { name: string; credentialNo: string }[] {
  return db
    .prepare("SELECT display_name AS name, credential_number AS credentialNo FROM users WHERE active = 1 AND credential_number IS NOT NULL AND credential_number <> '' ORDER BY id")
    .all() as { name: string; credentialNo: string }[];
}
