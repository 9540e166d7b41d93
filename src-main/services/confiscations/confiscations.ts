/**
 * Confiscation (没收) with its penalty decision, and the signed notice that carries it to a disposal
 * point already holding the coal in custody. Until the notice is imported there, the coal stays in
 * custody: nothing may be sold, auctioned, destroyed or transferred (行政强制法 art.26).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/open.ts';
import { insertCaseConfiscation, insertNotice, listNotices, noticeImported } from '../../../db/confiscations-repo.ts';
import { getDisposalPointByCode, latestOutgoingHandoverOfCase } from '../../../db/handovers-repo.ts';
import { bucketTotals, coalKindsAt } from '../../../db/ledger-repo.ts';
import { currentNumber } from '../../../db/documents-repo.ts';
import type { EnforcementCase } from '../../../src-shared/contract/cases.ts';
import type { ConfiscationImport, ConfiscationNoticeSummary } from '../../../src-shared/contract/confiscations.ts';
import { CONFISCATION_CARRIER, signConfiscationNotice, verifyConfiscationNotice, type ConfiscationNotice } from '../../signing/confiscation-notice.ts';
import { isIsoDate, shanghaiDate } from '../../../src-shared/domain/seizure-term.ts';
import { actorOf, type CallContext } from '../context.ts';
import { refusal } from '../domain-refusal.ts';
import { ServiceError } from '../errors.ts';
import { requireStation } from '../accounts/accounts.ts';
import { caseView, confiscateCase, moveCase, requireCase } from '../cases/cases.ts';
import { acceptedKeyOf, checkpointKey } from '../keys/keys.ts';
import { appendLedger } from '../ledger/ledger.ts';
import { mutate } from '../mutate.ts';

export interface ConfiscationInput {
  id: number;
  reason: string;
  penaltyDecisionNo: string;
  penaltyDecisionDate: string;
}

/** The penalty decision must be dated between the seizure decision and today. */
function checkPenaltyDate(decisionDate: string | null, penaltyDate: string, today: string): void {
  const problem =
    !isIsoDate(penaltyDate) ? { zh: '行政处罚决定日期无效', en: 'invalid penalty decision date' }
    : penaltyDate > today ? { zh: `行政处罚决定日期${penaltyDate}晚于今天`, en: `the penalty decision date ${penaltyDate} is after today` }
    : decisionDate !== null && penaltyDate < decisionDate ? { zh: `行政处罚决定日期${penaltyDate}早于查封扣押决定日期${decisionDate}`, en: `the penalty decision precedes the seizure decision (${decisionDate})` }
    : null;
  if (problem) throw refusal([problem], 'invalid-input');
}

/**
 * Records the confiscation of a case with its penalty decision. When the coal is already at a disposal
 * point in custody, signs a confiscation notice for that point and marks the case handed over.
 */
export function recordConfiscation(ctx: CallContext, input: ConfiscationInput): EnforcementCase {
  return mutate(ctx, (tx) => {
    const before = requireCase(ctx.db, input.id);
    const at = ctx.now();
    checkPenaltyDate(before.decisionDate, input.penaltyDecisionDate, shanghaiDate(at));
    confiscateCase(ctx, input.id, input.reason, { penaltyDecisionNumber: input.penaltyDecisionNo, penaltyDecisionDate: input.penaltyDecisionDate });
    insertCaseConfiscation(ctx.db, { caseId: input.id, penaltyDecisionNo: input.penaltyDecisionNo, penaltyDecisionDate: input.penaltyDecisionDate, reason: input.reason, by: ctx.session.user.id, at: at.toISOString() });
    const handover = latestOutgoingHandoverOfCase(ctx.db, before.caseNumber);
    if (handover) {
      const key = checkpointKey(ctx.db, actorOf(ctx.session), at);
      const notice: ConfiscationNotice = {
        id: randomUUID(), checkpointId: key.checkpoint_id, checkpointName: requireStation(ctx.db).name, disposalPointId: handover.disposalPointCode,
        issuedAt: at.toISOString(), caseId: before.caseNumber, seizureDecisionNo: currentNumber(ctx.db, before.id, 'seizure-decision')?.number ?? before.caseNumber,
        handoverFormNo: handover.formNo, penaltyDecisionNo: input.penaltyDecisionNo, penaltyDecisionDate: input.penaltyDecisionDate,
      };
      const signed = signConfiscationNotice(notice, key.private_key_pem);
      const noticeId = insertNotice(ctx.db, { direction: 'outgoing', notice, ...signed, by: ctx.session.user.id, at: at.toISOString() });
      tx.audit({ action: 'confiscations.notice', entity: 'confiscation_notice', entityId: noticeId, after: { notice, contentHash: signed.contentHash }, at });
      moveCase(ctx, input.id, { action: 'cases.handOver', event: (_c, date) => ({ type: 'hand-over', date }), payload: { noticeId } });
    }
    return caseView(ctx.db, requireCase(ctx.db, input.id), at);
  });
}

/**
 * Imports a signed confiscation notice at the disposal point: stores it once, then turns the custody
 * stock of every coal kind of the case held here into confiscated stock. Coal of the case received
 * later comes in confiscated (see ledger.receive).
 */
export function importConfiscationNotice(ctx: CallContext, text: string): ConfiscationImport {
  return mutate(ctx, (tx) => {
    const result = verifyConfiscationNotice(text, {
      publicKeyOf: acceptedKeyOf(ctx.db),
      alreadyImported: (id) => noticeImported(ctx.db, id),
    });
    if (!result.ok) throw refusal([result], result.reason === 'malformed' ? 'invalid-input' : 'conflict');
    const notice = result.record;
    const point = getDisposalPointByCode(ctx.db, notice.disposalPointId);
    if (!point) throw new ServiceError('not-found', 'cases.errors.pointNotFound');
    const at = ctx.now();
    const trimmed = text.trim();
    const noticeId = insertNotice(ctx.db, {
      direction: 'incoming', notice, contentHash: result.contentHash, qrText: trimmed.startsWith(CONFISCATION_CARRIER.qrPrefix) ? trimmed : null, fileText: trimmed,
      by: ctx.session.user.id, at: at.toISOString(),
    });
    tx.audit({ action: 'confiscations.import', entity: 'confiscation_notice', entityId: noticeId, after: { notice, contentHash: result.contentHash }, at });
    const movements = coalKindsAt(ctx.db, point.id, notice.caseId)
      .filter((coalKind) => !bucketTotals(ctx.db, point.id, notice.caseId, coalKind).confiscated)
      .map((coalKind) => appendLedger(ctx, point.id, (base) => ({
        ...base, kind: 'confiscation', caseId: notice.caseId, coalKind, penaltyDecisionNo: notice.penaltyDecisionNo, penaltyDecisionDate: notice.penaltyDecisionDate,
      }), { noticeId }));
    return { notice: listNotices(ctx.db, 'incoming', notice.caseId).find((n) => n.id === noticeId)!, movements };
  });
}

export const confiscationNotices = (db: Db, direction: 'outgoing' | 'incoming', caseRef?: string): ConfiscationNoticeSummary[] => listNotices(db, direction, caseRef);
