import type { casesContract, DisposalPoint } from '../../src-shared/contract/cases.ts';
import { getDocumentSettings } from '../../db/documents-repo.ts';
import { seizureCandidates } from '../../db/cases-repo.ts';
import { getDisposalPoint, getDisposalPointByCode, insertDisposalPoint, listDisposalPoints, listTrustedCheckpoints } from '../../db/handovers-repo.ts';
import type { DomainHandlers } from './handlers.ts';
import { actorOf, type CallContext } from './context.ts';
import { appendAudit } from './audit.ts';
import { ServiceError } from './errors.ts';
import {
  changeTesting, credentialedOfficers, decideCase, destroyCase, endTesting, extendCase, listCases, openCase, openCaseFromRegistration, releaseCase,
  requireCase, caseView, startTesting, termWarnings, updateCaseDraft,
} from './cases.ts';
import { issuedNumbers, printQueue, renderCaseDocument, setPrintResult, updateDocumentSettings, verifyDocument, voidDocumentNumber } from './documents.ts';
import { checkpointKey, createHandover, handoverList, importHandover, trustCheckpoint, untrustCheckpoint } from './handovers.ts';
import { holidayCalendarStatus } from './term-policy.ts';
import { shanghaiDate } from '../../src-shared/domain/seizure-term.ts';
import { balances, dispose, movements, receive, reverse, stockTake } from './ledger.ts';
import { recordConfiscation } from './confiscation.ts';
import { caseForCaller, restoreMaskedDraft } from './personal-data.ts';

function createDisposalPoint(ctx: CallContext, input: { code: string; name: string; address: string }): DisposalPoint {
  return ctx.db.transaction(() => {
    if (getDisposalPointByCode(ctx.db, input.code)) throw new ServiceError('conflict', 'cases.errors.pointCodeTaken', { code: input.code });
    const id = insertDisposalPoint(ctx.db, { ...input, at: ctx.now().toISOString() });
    const point = getDisposalPoint(ctx.db, id)!;
    appendAudit(ctx.db, { actor: actorOf(ctx.session), action: 'disposalPoints.create', entity: 'disposal_point', entityId: id, after: point, at: ctx.now() });
    return point;
  })();
}

/** Binds the enforcement contract (cases, documents, handovers, ledger) to its services. */
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
    'disposalPoints.list': (ctx) => listDisposalPoints(ctx.db),
    'disposalPoints.create': (ctx, input) => createDisposalPoint(ctx, input),
    'documentSettings.get': (ctx) => getDocumentSettings(ctx.db),
    'documentSettings.update': (ctx, input) => updateDocumentSettings(ctx, input),
    'documents.render': (ctx, input) => renderCaseDocument(ctx, input.caseId, input.kind),
    'documents.printResult': (ctx, input) => setPrintResult(ctx, input.jobId, input.status, input.error),
    'documents.queue': (ctx) => printQueue(ctx.db),
    'documents.verify': (ctx, input) => verifyDocument(ctx.db, input.contentHash),
    'documents.voidNumber': (ctx, input) => voidDocumentNumber(ctx, input.caseId, input.kind, input.reason),
    'documents.numbers': (ctx, input) => issuedNumbers(ctx.db, input.kind, input.year),
    'handovers.create': (ctx, input) => createHandover(ctx, input),
    'handovers.import': (ctx, input) => importHandover(ctx, input.text),
    'handovers.list': (ctx, input) => handoverList(ctx.db, input.direction),
    'checkpointKey.get': (ctx) => {
      const key = checkpointKey(ctx.db, actorOf(ctx.session), ctx.now());
      return { checkpointId: key.checkpoint_id, publicKeyPem: key.public_key_pem };
    },
    'checkpointKey.trust': (ctx, input) => trustCheckpoint(ctx, input),
    'checkpointKey.trusted': (ctx) => listTrustedCheckpoints(ctx.db),
    'checkpointKey.untrust': (ctx, input) => untrustCheckpoint(ctx, input.checkpointId),
    'ledger.receive': (ctx, input) => receive(ctx, input),
    'ledger.dispose': (ctx, input) => dispose(ctx, input),
    'ledger.reverse': (ctx, input) => reverse(ctx, input.movementId, input.reason),
    'ledger.stockTake': (ctx, input) => stockTake(ctx, input),
    'ledger.balance': (ctx, input) => balances(ctx.db, input.pointId),
    'ledger.movements': (ctx, input) => movements(ctx.db, input),
  };
}
