/**
 * Printed enforcement documents: their numbers, rendering, verification, voiding, the print-job records and
 * the agency settings they print (with the legal-term rules an admin may change). Sending a rendered
 * document to a printer is printing.ts.
 */
import { z } from 'zod';
import { Empty, method, type MethodDef } from './define.ts';
import { ROLE_GROUPS } from './roles.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/document-number.ts';
import { isIsoDate } from '../domain/seizure-term.ts';
import { Id, required, text } from './fields.ts';

/**
 * The legal-term rules an admin may change. The 30-day term and the 30-day extension limit are statutory
 * (行政强制法 art.25) and are not settings. Holidays come back sorted and without duplicates.
 */
export const TermPolicyInput = z.object({
  startDayRule: z.enum(['next-day', 'same-day']),
  warnWithinDays: z.int().min(1).max(15),
  statutoryHolidays: z.array(z.string().trim().refine(isIsoDate, { message: 'validation.date' })).max(400)
    .transform((dates) => [...new Set(dates)].sort()),
}).strict();

export type TermPolicySettings = z.output<typeof TermPolicyInput>;

export const DocumentSettingsInput = z.object({
  agencyName: required(80),
  agencyAddress: text(200).default(''),
  agencyPhone: text(40).default(''),
  sealText: text(80).default(''),
  reviewGovernment: required(80),
  reviewSuperiorDepartment: text(80).default(''),
  court: required(80),
  numberPatterns: z.partialRecord(z.enum(DOCUMENT_KINDS), required(60)).default({}),
  /** Omitted: the term rules stay as they are. */
  termPolicy: TermPolicyInput.optional(),
}).strict();

export type DocumentSettings = Omit<z.output<typeof DocumentSettingsInput>, 'numberPatterns' | 'termPolicy'> & {
  numberPatterns: Record<DocumentKind, string>;
  termPolicy: TermPolicySettings;
};

export interface RenderedPrint {
  documentId: number;
  jobId: number;
  kind: DocumentKind;
  documentNumber: string;
  contentHash: string;
  copy: 'original' | 'reprint';
  printCount: number;
  pdfBase64: string;
}

export interface DocumentRecord {
  id: number;
  caseId: number;
  caseNumber: string;
  kind: DocumentKind;
  documentNumber: string;
  contentHash: string;
  printCount: number;
  firstPrintedAt: string;
  firstPrintedBy: string | null;
  voidReason: string | null;
}

export interface IssuedNumberInfo {
  id: number;
  kind: DocumentKind;
  year: number;
  seq: number;
  number: string;
  caseId: number | null;
  voidReason: string | null;
}

export interface PrintJob {
  id: number;
  documentId: number;
  documentNumber: string;
  copy: 'original' | 'reprint';
  status: 'queued' | 'printed' | 'failed';
  error: string | null;
  printedByName: string;
  printedAt: string;
  /** Where it was last sent; null until sent (a preview only queues it). */
  printerName: string | null;
  copies: number;
  attempts: number;
}

export const documentsContract = {
  'documentSettings.get': method<DocumentSettings>()(Empty, [...ROLE_GROUPS.enforcement, 'disposal']),
  'documentSettings.update': method<DocumentSettings>()(DocumentSettingsInput, ROLE_GROUPS.admin),
  'documents.render': method<RenderedPrint>()(z.object({ caseId: Id, kind: z.enum(DOCUMENT_KINDS) }).strict(), ROLE_GROUPS.enforcement),
  'documents.printResult': method<PrintJob>()(
    z.object({ jobId: Id, status: z.enum(['printed', 'failed']), error: text(200).optional() }).strict(),
    ROLE_GROUPS.enforcement,
  ),
  'documents.queue': method<PrintJob[]>()(Empty, ROLE_GROUPS.enforcement),
  'documents.verify': method<DocumentRecord | null>()(
    z.object({ contentHash: z.string().trim().regex(/^[0-9a-f]{16,64}$/, { message: 'validation.invalid_format' }) }).strict(),
    ROLE_GROUPS.viewer,
  ),
  'documents.voidNumber': method<IssuedNumberInfo>()(
    z.object({ caseId: Id, kind: z.enum(DOCUMENT_KINDS), reason: required(500) }).strict(),
    ROLE_GROUPS.oversight,
  ),
  'documents.numbers': method<IssuedNumberInfo[]>()(
    z.object({ kind: z.enum(DOCUMENT_KINDS), year: z.int().min(2000).max(9999) }).strict(),
    ROLE_GROUPS.enforcement,
  ),
} satisfies Record<string, MethodDef>;
