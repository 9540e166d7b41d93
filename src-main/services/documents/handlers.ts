import type { documentsContract } from '../../../src-shared/contract/documents.ts';
import { getDocumentSettings } from '../../../db/documents-repo.ts';
import type { DomainHandlers } from '../handler.ts';
import { issuedNumbers, printQueue, renderCaseDocument, setPrintResult, updateDocumentSettings, verifyDocument, voidDocumentNumber } from './documents.ts';

/** Binds the enforcement documents (numbers, rendering, verification, the agency settings) to their services. */
export function documentsHandlers(): DomainHandlers<typeof documentsContract> {
  return {
    'documentSettings.get': (ctx) => getDocumentSettings(ctx.db),
    'documentSettings.update': (ctx, input) => updateDocumentSettings(ctx, input),
    'documents.render': (ctx, input) => renderCaseDocument(ctx, input.caseId, input.kind),
    'documents.printResult': (ctx, input) => setPrintResult(ctx, input.jobId, input.status, input.error),
    'documents.queue': (ctx) => printQueue(ctx.db),
    'documents.verify': (ctx, input) => verifyDocument(ctx.db, input.contentHash),
    'documents.voidNumber': (ctx, input) => voidDocumentNumber(ctx, input.caseId, input.kind, input.reason),
    'documents.numbers': (ctx, input) => issuedNumbers(ctx.db, input.kind, input.year),
  };
}
