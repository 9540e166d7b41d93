/**
 * Sending documents to printers. The print itself is counted when the PDF is rendered (documents.ts,
 * `renderCaseDocument`: the first the original, later ones 副本 stamped with who and when); sending is a
 * delivery of that job. A failed send leaves the job in the queue with the error and its PDF bytes, and a
 * retry sends those same bytes: the paper that finally comes out is the one that was counted, stamped with
 * the time of the original request, so the print count stays one per rendered document and a failed
 * original is retried as the original, not turned into a 副本.
 */
import { getJob, setJobStatus } from '../../../db/documents-repo.ts';
import { jobPdf, printCountOfDocument, printerChoice, recordAttempt, recordSpoolJob, savePrinterChoice, type PrinterChoice } from '../../../db/printing-repo.ts';
import type { PrinterList, PrintOutcome } from '../../../src-shared/contract/printing.ts';
import type { DocumentKind } from '../../../src-shared/domain/document-number.ts';
import type { PrinterBackend } from './printer.ts';
import type { CallContext } from '../context.ts';
import { renderCaseDocument } from '../documents/documents.ts';
import { ServiceError } from '../errors.ts';
import { mutate } from '../mutate.ts';

const ERROR_CHARS = 500;

export class PrintService {
  /** Jobs being sent now: one job is never sent twice at once (the app runs as a single instance). */
  private readonly sending = new Set<number>();

  constructor(private readonly backend: PrinterBackend) {}

  async list(ctx: CallContext): Promise<PrinterList> {
    const choice = printerChoice(ctx.db, ctx.session.user.id);
    try {
      return { printers: await this.backend.listPrinters(), choice, error: null };
    } catch (err) {
      return { printers: [], choice, error: errorText(err) };
    }
  }

  async print(ctx: CallContext, input: { caseId: number; kind: DocumentKind } & PrinterChoice): Promise<PrintOutcome> {
    const rendered = await renderCaseDocument(ctx, input.caseId, input.kind);
    return this.send(ctx, rendered.jobId, { printerName: input.printerName, copies: input.copies });
  }

  async retry(ctx: CallContext, jobId: number): Promise<PrintOutcome> {
    const job = getJob(ctx.db, jobId);
    if (!job) throw new ServiceError('not-found', 'cases.errors.jobNotFound');
    if (job.status !== 'failed' || job.printerName === null) throw new ServiceError('conflict', 'printing.errors.notFailed');
    return this.send(ctx, jobId, { printerName: job.printerName, copies: job.copies });
  }

  async send(ctx: CallContext, jobId: number, target: PrinterChoice): Promise<PrintOutcome> {
    const job = getJob(ctx.db, jobId);
    if (!job) throw new ServiceError('not-found', 'cases.errors.jobNotFound');
    if (job.status === 'printed') throw new ServiceError('conflict', 'printing.errors.alreadyPrinted');
    if (this.sending.has(jobId)) throw new ServiceError('conflict', 'printing.errors.busy');
    const pdf = jobPdf(ctx.db, jobId);
    if (!pdf) throw new ServiceError('conflict', 'printing.errors.noPdf');
    this.sending.add(jobId);
    try {
      const attempt = this.startAttempt(ctx, jobId, target);
      let outcome: { spoolJobId: string | null; error: string | null };
      try {
        outcome = { spoolJobId: (await this.backend.print(pdf, target.printerName, target.copies, `checkpoint-job-${jobId}`)).jobId, error: null };
      } catch (err) {
        outcome = { spoolJobId: null, error: errorText(err) };
      }
      return this.finishAttempt(ctx, jobId, { ...target, attempt, ...outcome });
    } finally {
      this.sending.delete(jobId);
    }
  }

  private startAttempt(ctx: CallContext, jobId: number, target: PrinterChoice): number {
    return mutate(ctx, (tx) => {
      const at = ctx.now();
      const userId = ctx.session.user.id;
      const before = printerChoice(ctx.db, userId);
      if (before?.printerName !== target.printerName || before.copies !== target.copies) {
        savePrinterChoice(ctx.db, userId, target, at.toISOString());
        tx.audit({ action: 'printers.choose', entity: 'printer_choice', entityId: userId, before, after: target, at });
      }
      return recordAttempt(ctx.db, { jobId, ...target, at: at.toISOString() });
    });
  }

  private finishAttempt(
    ctx: CallContext, jobId: number, r: PrinterChoice & { attempt: number; spoolJobId: string | null; error: string | null },
  ): PrintOutcome {
    return mutate(ctx, (tx) => {
      const at = ctx.now();
      const before = getJob(ctx.db, jobId)!;
      setJobStatus(ctx.db, jobId, r.error === null ? 'printed' : 'failed', r.error, at.toISOString());
      recordSpoolJob(ctx.db, jobId, r.spoolJobId);
      const job = getJob(ctx.db, jobId)!;
      tx.audit({
        action: 'documents.send', entity: 'print_job', entityId: jobId,
        before: { status: before.status, error: before.error },
        after: { documentNumber: job.documentNumber, copy: job.copy, status: job.status, printerName: r.printerName, copies: r.copies, attempt: r.attempt, spoolJobId: r.spoolJobId, error: r.error },
        at,
      });
      return { job, printCount: printCountOfDocument(ctx.db, job.documentId) };
    });
  }
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, ERROR_CHARS);
}
