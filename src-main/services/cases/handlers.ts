import type { casesContract } from '../../../src-shared/contract/cases.ts';
import { seizureCandidates } from '../../../db/cases-repo.ts';
import { shanghaiDate } from '../../../src-shared/domain/seizure-term.ts';
import type { DomainHandlers } from '../handler.ts';
import {
  changeTesting, credentialedOfficers, decideCase, destroyCase, endTesting, extendCase, listCases, openCase, openCaseFromRegistration, releaseCase,
  requireCase, caseView, startTesting, termWarnings, updateCaseDraft,
} from './cases.ts';
import { holidayCalendarStatus } from './term-policy.ts';
import { recordConfiscation } from '../confiscations/confiscations.ts';
import { caseForCaller, restoreMaskedDraft } from '../data-protection/personal-data.ts';

/** Binds the case life cycle to its services. */
export function casesHandlers(): DomainHandlers<typeof casesContract> {
  return {
    'cases.list': (ctx, input) => listCases(ctx.db, ctx.now(), input.phase).map((c) => caseForCaller(ctx, c)),
    'cases.get': (ctx, input) => caseForCaller(ctx, caseView(ctx.db, requireCase(ctx.db, input.id), ctx.now())),
    'cases.candidates': (ctx) => seizureCandidates(ctx.db, 200),
    'cases.openFromRegistration': (ctx, input) => openCaseFromRegistration(ctx, input.registrationId),
    'cases.open': (ctx, input) => openCase(ctx, input.draft),
    'cases.update': (ctx, input) => caseForCaller(ctx, updateCaseDraft(ctx, input.id, restoreMaskedDraft(ctx.db, input.id, input.draft))),
    'cases.decide': (ctx, input) => decideCase(ctx, input),
    'cases.startTesting': (ctx, input) => startTesting(ctx, input),
    'cases.changeTesting': (ctx, input) => changeTesting(ctx, input),
    'cases.endTesting': (ctx, input) => endTesting(ctx, input.id, input.result),
    'cases.extend': (ctx, input) => extendCase(ctx, input),
    'cases.release': (ctx, input) => releaseCase(ctx, input),
    'cases.confiscate': (ctx, input) => recordConfiscation(ctx, input),
    'cases.destroy': (ctx, input) => destroyCase(ctx, input.id, input.reason, input.destruction),
    'cases.termWarnings': (ctx) => termWarnings(ctx.db, ctx.now()),
    'cases.officers': (ctx) => credentialedOfficers(ctx.db),
    'cases.holidayCalendar': (ctx) => holidayCalendarStatus(ctx.db, shanghaiDate(ctx.now())),
  };
}
