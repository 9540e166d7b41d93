/**
 * Printing documents to a real printer. `documents.render` (cases.ts) gives the counted PDF for the preview
 * and queues its job; these methods send jobs to a printer. A failed send keeps the job queued with the
 * error; `documents.retry` sends the same bytes again and counts nothing new.
 */
import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/document-number.ts';
import type { PrintJob } from './documents.ts';

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
}

/** More copies than this is a slip of the keyboard, not a print run. */
export const MAX_COPIES = 20;

const Id = z.int().positive();
// Windows names may hold spaces, backslashes and Chinese; each backend applies its own stricter rule.
const PrinterName = z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' })
  .regex(/^[^\p{Cc}]+$/u, { message: 'validation.invalid_format' });
const Copies = z.int({ message: 'validation.invalid_type' }).min(1, { message: 'validation.too_small' }).max(MAX_COPIES, { message: 'validation.too_big' });

export interface PrinterList {
  printers: PrinterInfo[];
  /** The caller's last printer and copies, whether or not that printer is still there. */
  choice: { printerName: string; copies: number } | null;
  /** Why the list is empty when the print system did not answer (e.g. CUPS not running). */
  error: string | null;
}

export interface PrintOutcome {
  /** Status printed, or failed with the print system's error: a failure is recorded, not thrown. */
  job: PrintJob;
  /** Prints of the document so far (a retry does not add one). */
  printCount: number;
}

/** What a print would produce now, shown before printing; nothing is counted or queued. */
export interface DocumentPreview {
  caseId: number;
  kind: DocumentKind;
  documentNumber: string;
  /** What the next print will be: the original, or a 副本. */
  copy: 'original' | 'reprint';
  printCount: number;
  pdfBase64: string;
}

export const printingContract = {
  'printers.list': method<PrinterList>()(Empty, ROLE_GROUPS.enforcement),
  /** Opening a preview is not printing: no count, no job, no 副本. */
  'documents.preview': method<DocumentPreview>()(z.object({ caseId: Id, kind: z.enum(DOCUMENT_KINDS) }).strict(), ROLE_GROUPS.enforcement),
  /** Renders (counted exactly as documents.render: first the original, then 副本) and sends. */
  'documents.print': method<PrintOutcome>()(
    z.object({ caseId: Id, kind: z.enum(DOCUMENT_KINDS), printerName: PrinterName, copies: Copies.default(1) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  /** Sends a queued job (rendered for the preview) or a failed one, to any printer. */
  'documents.send': method<PrintOutcome>()(z.object({ jobId: Id, printerName: PrinterName, copies: Copies.default(1) }).strict(), ROLE_GROUPS.enforcement),
  /** Sends a failed job again to the printer and copies it last went to. */
  'documents.retry': method<PrintOutcome>()(z.object({ jobId: Id }).strict(), ROLE_GROUPS.enforcement),
} satisfies Record<string, MethodDef>;
