import type { printingContract } from '../../../src-shared/contract/printing.ts';
import type { DomainHandlers } from '../handler.ts';
import { previewCaseDocument } from '../documents/documents.ts';
import type { PrintService } from './printing.ts';

/** Binds the printer list and sending rendered documents to a printer through the print service. */
export function printingHandlers(service: PrintService): DomainHandlers<typeof printingContract> {
  return {
    'printers.list': (ctx) => service.list(ctx),
    'documents.preview': (ctx, input) => previewCaseDocument(ctx, input.caseId, input.kind),
    'documents.print': (ctx, input) => service.print(ctx, input),
    'documents.send': (ctx, input) => service.send(ctx, input.jobId, { printerName: input.printerName, copies: input.copies }),
    'documents.retry': (ctx, input) => service.retry(ctx, input.jobId),
  };
}
