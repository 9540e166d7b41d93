/**
 * What each paper of a case prints, gathered from the stored case, the events that recorded the paper's
 * facts (sampling, test result, penalty decision, destruction), its numbers and the settings. The data is
 * frozen at the first print (documents.ts), so a 副本 prints the same content.
 */
import type { Db } from '../../../db/open.ts';
import { currentNumber, getDocumentSettings } from '../../../db/documents-repo.ts';
import { latestCaseEvent, type StoredCase } from '../../../db/cases-repo.ts';
import { getCheck } from '../../../db/certificates-repo.ts';
import { getDisposalPoint, getDisposalPointByCode, latestOutgoingHandoverOfCase } from '../../../db/handovers-repo.ts';
import type { z } from 'zod';
import type { DestructionInput, SamplingInput, TestingResultInput } from '../../../src-shared/contract/cases.ts';
import type { IssuedNumberInfo } from '../../../src-shared/contract/documents.ts';
import type { CaseEvent } from '../../../src-shared/domain/case-state.ts';
import { computeSeizureTerm, shanghaiDate } from '../../../src-shared/domain/seizure-term.ts';
import type { DocumentKind } from '../../../src-shared/domain/document-number.ts';
import { LEGAL_BASIS_LIST } from '../../../src-shared/domain/legal-basis.ts';
import type { CaseDocumentData, LegalBasisRef, ServiceInfo, TestingInfo } from './pdf/types.ts';
import { failingItemNames } from './pdf/finding-text.ts';
import { ServiceError } from '../errors.ts';
import { refusal } from '../domain-refusal.ts';
import { termPolicyOf } from '../cases/term-policy.ts';

/** Validated at load: a malformed list stops the app instead of printing a decision without its basis. */
const LEGAL_BASIS = new Map(LEGAL_BASIS_LIST.entries.map((e) => [e.id, e]));

function legalBasisRefs(ids: readonly string[]): LegalBasisRef[] {
  return ids.flatMap((id) => {
    const e = LEGAL_BASIS.get(id);
    return e ? [{ law: e.law, article: e.article, effect: e.effect }] : [];
  });
}

export function requireNumber(db: Db, caseId: number, kind: DocumentKind): IssuedNumberInfo {
  const n = currentNumber(db, caseId, kind);
  if (!n) throw new ServiceError('conflict', 'cases.errors.documentNotIssued');
  return n;
}

interface StartTestingPayload { sampling?: z.output<typeof SamplingInput> }
interface EndTestingPayload { result?: z.output<typeof TestingResultInput> }
interface ConfiscatePayload { penaltyDecisionNumber?: string; penaltyDecisionDate?: string }
interface DestroyPayload { reason: string; destruction?: z.output<typeof DestructionInput> }

const payloadOf = <T>(db: Db, c: StoredCase, type: CaseEvent['type']) => {
  const e = latestCaseEvent(db, c.id, type);
  return e && { ...e, payload: (e.payload ?? {}) as T };
};

/**
 * Papers numbered with an event besides those the move names, when the event carries their facts: a
 * number is never issued for a paper that could not be printed.
 */
export function papersOnEvent(type: CaseEvent['type'], c: StoredCase, payload: unknown): DocumentKind[] {
  const p = (payload ?? {}) as StartTestingPayload & EndTestingPayload & ConfiscatePayload & DestroyPayload;
  switch (type) {
    case 'decide': return c.draft.serviceAddress ? ['service-address'] : [];
    case 'start-testing': return [...(p.sampling ? ['sampling-record' as const] : []), 'testing-commission', 'testing-notice-receipt'];
    case 'end-testing': return p.result ? ['testing-result-notice'] : [];
    case 'extend': return ['extension-receipt'];
    case 'release': return ['release-receipt'];
    case 'confiscate': return p.penaltyDecisionNumber && p.penaltyDecisionDate ? ['confiscation-list'] : [];
    case 'destroy': return p.destruction ? ['destruction-record'] : [];
    default: return [];
  }
}

/** The later papers a 送达回证 serves, with their 范本 names. */
const SERVED_BY: Partial<Record<DocumentKind, { kind: DocumentKind; title: string }>> = {
  'testing-notice-receipt': { kind: 'testing-notice', title: '检测期间告知书' },
  'extension-receipt': { kind: 'extension-decision', title: '延长行政强制措施期限决定书' },
  'release-receipt': { kind: 'release-decision', title: '解除行政强制措施决定书' },
};

const recipientOf = (c: StoredCase) => c.draft.parties.map((p) => p.name).join('、');

/** The decision and the list are served on the spot, by the method the officer chose (SAMR rule art.82). */
function seizureService(db: Db, c: StoredCase): ServiceInfo {
  const leftWith = c.draft.serviceMethod === '留置送达';
  return {
    documents: [
      { title: '实施行政强制措施决定书', number: requireNumber(db, c.id, 'seizure-decision').number },
      { title: '财物清单', number: requireNumber(db, c.id, 'inventory-list').number },
    ],
    recipient: recipientOf(c),
    place: c.draft.place,
    method: leftWith ? '留置送达' : '直接送达',
    // Served when the decision was handed over, never before it was made (art.24).
    servedAt: c.servedAt ?? c.draft.seizedAt,
    ...(leftWith ? { refusalReason: '当事人拒绝签收', ...(c.draft.witness ? { witness: c.draft.witness } : {}) } : {}),
  };
}

/** A later paper is served when the party comes or at the confirmed address; the time is written in by hand. */
function laterService(db: Db, c: StoredCase, served: { kind: DocumentKind; title: string }): ServiceInfo {
  return {
    documents: [{ title: served.title, number: requireNumber(db, c.id, served.kind).number }],
    recipient: recipientOf(c),
    place: c.draft.serviceAddress?.address ?? '',
    method: '直接送达',
  };
}

const missingFacts = (zh: string, en: string) => refusal([{ zh, en }]);

/** Everything a document of the case prints, as of now; frozen at the first print. */
export function buildDocumentData(db: Db, c: StoredCase, kind: DocumentKind, documentNumber: string): Omit<CaseDocumentData, 'print'> {
  if (c.decisionDate === null) throw new ServiceError('conflict', 'cases.errors.notDecided');
  const settings = getDocumentSettings(db);
  const d = c.draft;
  const point = d.custodyPointId === null ? null : getDisposalPoint(db, d.custodyPointId);
  // The case's own rules: a document reprinted or first printed after a settings change shows the decided term.
  const policy = termPolicyOf(db, c);
  // The term runs from the day the coal was taken (行政强制法 art.24), which the decision states.
  const seizureDate = shanghaiDate(new Date(c.seizedAt ?? d.seizedAt));
  const baseTerm = computeSeizureTerm({ seizureDate, testingPeriods: [] }, policy);
  const testingPeriods = c.testing.map((t) => ({ startDate: t.startDate, notifiedEndDate: t.notifiedEndDate, endDate: t.endDate }));
  const decisionNumber = requireNumber(db, c.id, 'seizure-decision').number;
  const inventoryNumber = currentNumber(db, c.id, 'inventory-list')?.number;
  const data: Omit<CaseDocumentData, 'print'> = {
    caseId: c.caseNumber,
    caseNumber: c.caseNumber,
    documentNumber,
    decisionNumber,
    ...(inventoryNumber ? { inventoryNumber } : {}),
    agency: { name: settings.agencyName, ...(settings.agencyAddress ? { address: settings.agencyAddress } : {}), ...(settings.agencyPhone ? { phone: settings.agencyPhone } : {}) },
    remedy: { reviewGovernment: settings.reviewGovernment, ...(settings.reviewSuperiorDepartment ? { reviewSuperiorDepartment: settings.reviewSuperiorDepartment } : {}), court: settings.court },
    parties: d.parties.map((p) => ({ ...p })),
    vehiclePlates: d.vehiclePlates,
    reason: d.reason,
    legalBasis: legalBasisRefs(d.legalBasisIds),
    measure: d.measure,
    items: d.items.map((i) => ({ ...i })),
    custody: { name: point?.name ?? '', address: point?.address ?? '' },
    approval: d.approval ?? { approverName: '', approvedAt: d.seizedAt, emergency: false },
    officers: d.officers,
    place: d.place,
    seizedAt: d.seizedAt,
    decisionDate: c.decisionDate,
    term: { startDate: baseTerm.firstDay, endDate: baseTerm.endDate },
    partyPresent: d.partyPresent,
    partyRefusedToSign: d.partyRefusedToSign,
    witness: d.witness,
    partyStatement: d.partyStatement,
    ...(d.onsiteFacts ? { onsiteFacts: d.onsiteFacts } : {}),
    ...(d.recordingRef ? { recordingRef: d.recordingRef } : {}),
  };
  if (kind === 'service-receipt') data.service = seizureService(db, c);
  const served = SERVED_BY[kind];
  if (served) data.service = laterService(db, c, served);
  if (kind === 'service-address' && d.serviceAddress) data.serviceAddress = { recipient: recipientOf(c), ...d.serviceAddress, confirmedAt: d.seizedAt };
  const testing = c.testing.at(-1);
  if (kind === 'testing-notice') data.testing = testingNoticeData(c, documentNumber);
  else if ((kind === 'sampling-record' || kind === 'testing-commission' || kind === 'testing-result-notice') && testing) {
    data.testing = { startDate: testing.startDate, endDate: testing.endDate ?? testing.notifiedEndDate, institution: testing.institution, items: testing.items, ...(testing.sampleNo ? { sampleNo: testing.sampleNo } : {}) };
  }
  if ((kind === 'sampling-record' || kind === 'testing-commission' || kind === 'testing-result-notice') && testing) {
    const sampling = payloadOf<StartTestingPayload>(db, c, 'start-testing')?.payload.sampling;
    if (sampling) data.sampling = { ...sampling, sampleNo: testing.sampleNo ?? '', lotKg: c.netKg };
  }
  if (kind === 'sampling-record' && !data.sampling) throw missingFacts('开始检测时未登记抽样情况，不能打印抽样记录', 'no sampling was recorded when testing started');
  if (kind === 'testing-result-notice') {
    const end = payloadOf<EndTestingPayload>(db, c, 'end-testing');
    if (!end?.payload.result) throw missingFacts('检测结束时未登记检测结果，不能打印检测结果告知书', 'no test result was recorded');
    data.testingResult = { ...end.payload.result, receivedOn: end.eventDate };
  }
  if (kind === 'extension-decision' && c.extension) {
    // The extension runs on from the base term's end as moved past a holiday (art.25(1)).
    const original = computeSeizureTerm({ seizureDate, testingPeriods }, policy);
    const extended = computeSeizureTerm({ seizureDate, testingPeriods, extension: c.extension }, policy);
    data.extension = {
      days: c.extension.days, originalEndDate: original.endDate, newEndDate: extended.endDate,
      reason: c.extension.reason, approverName: c.extension.approverName, approvedOn: c.extension.approvedOn,
    };
  }
  if (kind === 'release-decision' && c.release) {
    data.release = { date: c.release.date, ground: c.release.ground as 1, explanation: c.release.explanation };
  }
  const confiscation = payloadOf<ConfiscatePayload>(db, c, 'confiscate');
  if (kind === 'confiscation-list') {
    const { penaltyDecisionNumber, penaltyDecisionDate } = confiscation?.payload ?? {};
    if (!confiscation || !penaltyDecisionNumber || !penaltyDecisionDate) throw missingFacts('没收未登记行政处罚决定书文号和日期，不能打印没收物品清单', 'the confiscation has no penalty decision number and date');
    data.confiscation = { penaltyDecisionNumber, penaltyDecisionDate, date: confiscation.eventDate };
  }
  if (kind === 'destruction-record') {
    const destroyed = payloadOf<DestroyPayload>(db, c, 'destroy');
    if (!destroyed?.payload.destruction) throw missingFacts('销毁未登记地点、方式和见证人，不能打印销毁记录', 'the destruction has no place, method and witnesses');
    data.destruction = { ...destroyed.payload.destruction, reason: destroyed.payload.reason, destroyedAt: destroyed.at };
  }
  if (kind === 'handover-form') {
    const h = latestOutgoingHandoverOfCase(db, c.caseNumber);
    if (!h) throw new ServiceError('conflict', 'cases.errors.documentNotIssued');
    const target = getDisposalPointByCode(db, h.record.disposalPointId) ?? point;
    const legalStatus = h.record.cases.find((x) => x.caseId === c.caseNumber)?.legalStatus ?? 'seized';
    const check = c.finding ? getCheck(db, c.finding.checkId) : undefined;
    const failing = check ? failingItemNames(JSON.parse(check.items_json)) : '';
    const result = payloadOf<EndTestingPayload>(db, c, 'end-testing')?.payload.result;
    data.handover = {
      receivingUnit: target?.name ?? h.record.disposalPointId,
      receiverName: h.receiverName,
      handedOverAt: h.handedOverAt,
      place: target?.address ?? '',
      legalStatus,
      // Confiscated coal moves under the penalty decision; seized coal under the decision that named its custody.
      approvalRef: legalStatus === 'confiscated' && confiscation?.payload.penaltyDecisionNumber ? confiscation.payload.penaltyDecisionNumber : decisionNumber,
      ...(result?.reportNo ?? check?.report_number ? { labReportNo: result?.reportNo ?? check?.report_number ?? '' } : {}),
      ...(failing ? { failingItems: failing } : {}),
      signedQrText: h.qrText,
      signedFileName: `${h.formNo}.cchandover.json`,
      cases: h.record.cases.map((x) => ({ caseNumber: x.caseId, decisionNumber: x.decisionNo, legalStatus: x.legalStatus, items: x.items })),
    };
  }
  return data;
}

/**
 * The testing notice with this number: the first notice of a testing period states its period as first
 * notified; a later one (a change) states the new definite end and the notice it replaces (art.25(3)).
 */
function testingNoticeData(c: StoredCase, documentNumber: string): TestingInfo | undefined {
  for (const t of c.testing) {
    const base = { startDate: t.startDate, institution: t.institution, items: t.items, ...(t.sampleNo ? { sampleNo: t.sampleNo } : {}) };
    const changes = t.changes ?? [];
    if (t.noticeNumber === documentNumber) return { ...base, endDate: changes[0]?.previousEndDate ?? t.notifiedEndDate, notifiedOn: t.startDate };
    const i = changes.findIndex((ch) => ch.noticeNumber === documentNumber);
    const ch = changes[i];
    if (ch) {
      return {
        ...base, endDate: ch.notifiedEndDate, notifiedOn: ch.notifiedOn,
        change: { previousNoticeNumber: changes[i - 1]?.noticeNumber ?? t.noticeNumber ?? '', previousEndDate: ch.previousEndDate, reason: ch.reason },
      };
    }
  }
  return undefined;
}
