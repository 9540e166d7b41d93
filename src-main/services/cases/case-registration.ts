/**
 * Amending a registration that is in a case (issue 14 item 8). The kiosk may not (registrations.amend refuses);
 * an officer of the case amends it here, and in one transaction: the new revision, the case pointing at it with
 * its net weight (the case's coal item from that weighing too), a case event, a reissue flag on every printed
 * document whose content the change alters, and the audit entry.
 */
import type { z } from 'zod';
import { appendCaseEvent, toStoredCase, getCaseRow } from '../../../db/cases-repo.ts';
import { flagReissue, repointCase } from '../../../db/case-registration-repo.ts';
import { currentNumbersOfCase, printedDocumentForNumber } from '../../../db/documents-repo.ts';
import { getRegistration, getRevisions } from '../../../db/registrations-repo.ts';
import type { CaseAmendRegistrationInput } from '../../../src-shared/contract/data-protection.ts';
import type { CaseDraft, EnforcementCase } from '../../../src-shared/contract/cases.ts';
import { shanghaiDate } from '../../../src-shared/domain/seizure-term.ts';
import { appendAudit } from '../audit.ts';
import { actorOf, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { caseView, requireCase } from './cases.ts';
import { addRevision } from '../registrations/registrations.ts';
import { buildDocumentData } from '../documents/document-data.ts';
import { callerIsOfficerOf } from '../data-protection/personal-data.ts';

/** The case's coal item weighed on this record (its ticket number) carries the new net weight. */
function withItemWeight(draft: CaseDraft, recordNumber: string, netKg: number): CaseDraft {
  return { ...draft, items: draft.items.map((i) => (i.weighTicketNo === recordNumber ? { ...i, quantityKg: netKg } : i)) };
}

export function amendCaseRegistration(ctx: CallContext, input: z.output<typeof CaseAmendRegistrationInput>): EnforcementCase {
  return ctx.db.transaction(() => {
    const before = requireCase(ctx.db, input.caseId);
    if (before.registrationId === null) throw new ServiceError('conflict', 'dataProtection.caseWithoutRegistration');
    if (!callerIsOfficerOf(ctx, before)) throw new ServiceError('forbidden', 'dataProtection.notOfficerOfCase', { caseNumber: before.caseNumber });
    const linked = getRegistration(ctx.db, before.registrationId)!;
    const current = getRevisions(ctx.db, linked.recordNumber).find((r) => r.amendedById === null)!;
    const amended = addRevision(ctx, { id: current.id, reason: input.reason, changes: input.changes });
    const at = ctx.now();
    const draft = withItemWeight(before.draft, amended.recordNumber, amended.netKg);
    const netKg = draft.items.reduce((sum, i) => sum + i.quantityKg, 0);
    repointCase(ctx.db, before.id, { registrationId: amended.id, recordJson: JSON.stringify(draft), netKg, at: at.toISOString() });
    const after = toStoredCase(getCaseRow(ctx.db, before.id)!);
    const reissue = staleDocuments(ctx, after, input.reason);
    appendCaseEvent(ctx.db, {
      caseId: before.id, type: 'registration-amended', eventDate: shanghaiDate(at), phaseAfter: after.phase, actorId: ctx.session.user.id, at: at.toISOString(),
      payload: { registrationId: amended.id, recordNumber: amended.recordNumber, revision: amended.revision, reason: input.reason, netKgBefore: before.netKg, netKgAfter: netKg, reissue },
    });
    appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'cases.amendRegistration', entity: 'enforcement_case', entityId: before.id, before, after, at });
    return caseView(ctx.db, after, at);
  })();
}

/**
 * Printed documents whose data, built from the case now, differs from what was printed: each is flagged so the
 * officer voids its number and prints the replacement. Unprinted documents simply print the new data.
 */
function staleDocuments(ctx: CallContext, c: ReturnType<typeof toStoredCase>, reason: string): string[] {
  if (c.decisionDate === null) return [];
  const stale: string[] = [];
  for (const n of currentNumbersOfCase(ctx.db, c.id)) {
    const printed = printedDocumentForNumber(ctx.db, n.id);
    if (!printed) continue;
    if (JSON.stringify(buildDocumentData(ctx.db, c, n.kind, n.number)) === printed.data_json) continue;
    flagReissue(ctx.db, { numberId: n.id, caseId: c.id, kind: n.kind, reason, by: ctx.session.user.id, at: ctx.now().toISOString() });
    stale.push(n.number);
  }
  return stale;
}
