/**
 * Personal data by need (issue 14 item 5). Full ID and phone numbers go to: the kiosk form while registering (the
 * save's own answer), the registrar roles reading one record's history (the amendment form starts from it), and the
 * officers of a case reading that case. Searches, case lists and every other caller get masked numbers; one full
 * number can be revealed by an enforcement role, and each reveal is an audit entry naming the field, never the value.
 */
import type { Db } from '../../../db/open.ts';
import { getRegistration } from '../../../db/registrations-repo.ts';
import { caseCreator } from '../../../db/case-registration-repo.ts';
import type { Registration, RegistrationPage } from '../../../src-shared/contract/registration.ts';
import type { CaseDraft, EnforcementCase } from '../../../src-shared/contract/cases.ts';
import type { RevealInput } from '../../../src-shared/contract/data-protection.ts';
import { ROLE_GROUPS, holdsAny } from '../../../src-shared/contract/roles.ts';
import { isOfficerOfCase } from '../../../src-shared/domain/case-officers.ts';
import { maskCaseNumbers, maskIdNumber, maskPhone, restoreCaseNumbers } from '../../../src-shared/domain/personal-mask.ts';
import type { StoredCase } from '../../../db/cases-repo.ts';
import { appendAudit } from '../audit.ts';
import { actorOf, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { requireCase } from '../cases/cases.ts';

export const maskRegistration = (r: Registration): Registration => ({ ...r, driverIdNumber: maskIdNumber(r.driverIdNumber), driverPhone: maskPhone(r.driverPhone) });

export const maskedPage = (page: RegistrationPage): RegistrationPage => ({ ...page, rows: page.rows.map(maskRegistration) });

/** One record's revisions: full for the roles that may amend it (the form needs the numbers), masked for others. */
export function revisionsForCaller(ctx: CallContext, revisions: Registration[]): Registration[] {
  return holdsAny(ctx.session.user.roles, ROLE_GROUPS.registrar) ? revisions : revisions.map(maskRegistration);
}

export function callerIsOfficerOf(ctx: CallContext, c: Pick<StoredCase, 'id' | 'draft'> & { decidedBy?: number | null; decidedById?: number | null }): boolean {
  return isOfficerOfCase(
    { createdBy: caseCreator(ctx.db, c.id), decidedBy: c.decidedBy ?? c.decidedById ?? null, officers: c.draft.officers },
    ctx.session.user,
  );
}

/** A case as this caller may see it: full numbers for its officers, masked for everyone else. */
export function caseForCaller(ctx: CallContext, c: EnforcementCase): EnforcementCase {
  return callerIsOfficerOf(ctx, c) ? c : { ...c, draft: maskCaseNumbers(c.draft) };
}

/** A draft edited from a masked view: each mask left as it was keeps the stored number. */
export function restoreMaskedDraft(db: Db, caseId: number, draft: CaseDraft): CaseDraft {
  return restoreCaseNumbers(draft, requireCase(db, caseId).draft);
}

function numberOf(db: Db, input: RevealInput): { entity: string; value: string | undefined } {
  if (input.source === 'registration') {
    const r = getRegistration(db, input.id);
    if (!r) throw new ServiceError('not-found', 'errors.registrationNotFound');
    return { entity: 'registration', value: r[input.field] };
  }
  const draft = requireCase(db, input.id).draft;
  if (input.source === 'case-witness') return { entity: 'enforcement_case', value: draft.witness?.idNumber };
  return { entity: 'enforcement_case', value: draft.parties[input.partyIndex]?.[input.field] };
}

/** One full number, and the audit entry that says who saw it. */
export function revealNumber(ctx: CallContext, input: RevealInput): { value: string } {
  const { entity, value } = numberOf(ctx.db, input);
  if (!value) throw new ServiceError('not-found', 'dataProtection.noNumber');
  const { id: entityId, ...what } = input;
  appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'personalData.reveal', entity, entityId, after: what, at: ctx.now() });
  return { value };
}
