/**
 * Document numbers and printing. A number is issued when the event that needs its document happens
 * (decision, testing, extension, release, handover) and is never reused: a mistaken one is voided with
 * a reason and a replacement issued. The first print of a document freezes its data, so every later
 * print is a 副本 of the same content (same content hash), stamped with who printed it and when.
 */
import type { Db } from '../../../db/open.ts';
import {
  findDocumentsByHash, getDocumentSettings, getJob, insertNumber, insertPrintedDocument, listNumbers, maxSequence,
  openJobs, printedDocumentForNumber, recordPrint, saveDocumentSettings, setJobStatus, voidNumber,
} from '../../../db/documents-repo.ts';
import { getCaseRow, toStoredCase } from '../../../db/cases-repo.ts';
import { printCountOfDocument, storeJobPdf } from '../../../db/printing-repo.ts';
import type { DocumentPreview } from '../../../src-shared/contract/printing.ts';
import type { z } from 'zod';
import type { DocumentRecord, DocumentSettings, DocumentSettingsInput, IssuedNumberInfo, PrintJob, RenderedPrint } from '../../../src-shared/contract/documents.ts';
import { shanghaiDate } from '../../../src-shared/domain/seizure-term.ts';
import { formatDocumentNumber, nextSequence, parseNumberPattern, type DocumentKind } from '../../../src-shared/domain/document-number.ts';
import { renderDocumentWithHash } from './pdf/render.ts';
import type { CaseDocumentData } from './pdf/types.ts';
import { toLocalIso } from '../../../src-shared/domain/local-time.ts';
import { appendAudit } from '../audit.ts';
import { actorOf, type Actor, type CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { refusal } from '../domain-refusal.ts';
import { buildDocumentData, requireNumber } from './document-data.ts';
import { mutate } from '../mutate.ts';

/** Issues the next number of a kind for the current year; call inside the transaction that needs it. */
export function issueNumber(db: Db, kind: DocumentKind, owner: { caseId: number | null; handoverId?: number }, actor: Actor, at: Date): IssuedNumberInfo {
  const year = Number(shanghaiDate(at).slice(0, 4));
  const seq = nextSequence([{ year, seq: maxSequence(db, kind, year) }], year);
  const number = formatDocumentNumber(getDocumentSettings(db).numberPatterns[kind], year, seq);
  const issued = insertNumber(db, { kind, year, seq, number, caseId: owner.caseId, handoverId: owner.handoverId ?? null, issuedBy: actor.id, at: at.toISOString() });
  appendAudit(db, { actor, action: 'documents.issueNumber', entity: 'document_number', entityId: issued.id, after: issued, at });
  return issued;
}

export function updateDocumentSettings(ctx: CallContext, input: z.output<typeof DocumentSettingsInput>): DocumentSettings {
  const problems = Object.entries(input.numberPatterns).flatMap(([kind, pattern]) => {
    const parsed = parseNumberPattern(pattern ?? '');
    return parsed.ok ? [] : [{ zh: `${kind}：${parsed.errors.join('，')}`, en: `${kind}: ${parsed.errors.join(', ')}` }];
  });
  if (problems.length > 0) throw refusal(problems, 'invalid-input');
  return mutate(ctx, (tx) => {
    const before = getDocumentSettings(ctx.db);
    const after: DocumentSettings = {
      ...input, numberPatterns: { ...before.numberPatterns, ...input.numberPatterns }, termPolicy: input.termPolicy ?? before.termPolicy,
    };
    saveDocumentSettings(ctx.db, after, ctx.now().toISOString());
    tx.audit({ action: 'documentSettings.update', entity: 'document_settings', before, after });
    return after;
  });
}

/** The data a print of the number would use: frozen at its first print, else built from the case now. */
function printContent(ctx: CallContext, caseId: number, kind: DocumentKind) {
  const row = getCaseRow(ctx.db, caseId);
  if (!row) throw new ServiceError('not-found', 'cases.errors.caseNotFound');
  const number = requireNumber(ctx.db, caseId, kind);
  const existing = printedDocumentForNumber(ctx.db, number.id);
  const content = existing ? (JSON.parse(existing.data_json) as Omit<CaseDocumentData, 'print'>) : buildDocumentData(ctx.db, toStoredCase(row), kind, number.number);
  return { number, existing, content };
}

/** Exactly what a print would produce now (副本 stamp included), without counting it: a preview is not a print. */
export async function previewCaseDocument(ctx: CallContext, caseId: number, kind: DocumentKind): Promise<DocumentPreview> {
  const { number, existing, content } = printContent(ctx, caseId, kind);
  const user = ctx.session.user;
  const print: CaseDocumentData['print'] = existing ? { kind: 'reprint', printedBy: user.displayName, printedAt: toLocalIso(ctx.now()) } : { kind: 'original' };
  const rendered = await renderDocumentWithHash(kind, { ...content, print });
  const printCount = existing ? printCountOfDocument(ctx.db, existing.id) : 0;
  return { caseId, kind, documentNumber: number.number, copy: existing ? 'reprint' : 'original', printCount, pdfBase64: rendered.pdf.toString('base64') };
}

/**
 * Renders a case's document and records the print. The PDF is made before the transaction (pdfkit is
 * asynchronous); the print is counted only once the PDF exists, so a failed render counts nothing.
 */
export async function renderCaseDocument(ctx: CallContext, caseId: number, kind: DocumentKind): Promise<RenderedPrint> {
  const { number, existing, content } = printContent(ctx, caseId, kind);
  const at = ctx.now();
  const user = ctx.session.user;
  const copy: 'original' | 'reprint' = existing ? 'reprint' : 'original';
  const print: CaseDocumentData['print'] = existing ? { kind: 'reprint', printedBy: user.displayName, printedAt: toLocalIso(at) } : { kind: 'original' };
  const rendered = await renderDocumentWithHash(kind, { ...content, print });
  return mutate(ctx, (tx) => {
    // A concurrent first print may have landed while the PDF was being made: that one stays the original.
    const stored = printedDocumentForNumber(ctx.db, number.id);
    if (!existing && stored) throw new ServiceError('conflict', 'cases.errors.printRace');
    const documentId = stored?.id ?? insertPrintedDocument(ctx.db, {
      numberId: number.id, caseId, kind, documentNumber: number.number, contentHash: rendered.contentHash,
      dataJson: JSON.stringify(content), by: user.id, at: at.toISOString(),
    });
    const { jobId, printCount } = recordPrint(ctx.db, { documentId, copy, by: user.id, byName: user.displayName, at: at.toISOString() });
    // Kept until printed, so a failed print is retried with these very bytes (same stamp, no new count).
    storeJobPdf(ctx.db, jobId, rendered.pdf);
    tx.audit({
      action: 'documents.print', entity: 'printed_document', entityId: documentId,
      after: { kind, documentNumber: number.number, contentHash: rendered.contentHash, copy, printCount, jobId }, at,
    });
    return { documentId, jobId, kind, documentNumber: number.number, contentHash: rendered.contentHash, copy, printCount, pdfBase64: rendered.pdf.toString('base64') };
  });
}

export function setPrintResult(ctx: CallContext, jobId: number, status: 'printed' | 'failed', error: string | undefined): PrintJob {
  return mutate(ctx, (tx) => {
    const before = getJob(ctx.db, jobId);
    if (!before) throw new ServiceError('not-found', 'cases.errors.jobNotFound');
    setJobStatus(ctx.db, jobId, status, error ?? null, ctx.now().toISOString());
    const after = getJob(ctx.db, jobId)!;
    tx.audit({ action: 'documents.printResult', entity: 'print_job', entityId: jobId, before, after });
    return after;
  });
}

export const printQueue = (db: Db): PrintJob[] => openJobs(db);

/** The record of a printed paper, from the full hash or (as printed in the footer) its first 16 digits. */
export function verifyDocument(db: Db, contentHash: string): DocumentRecord | null {
  const found = findDocumentsByHash(db, contentHash);
  if (found.length > 1) throw new ServiceError('conflict', 'cases.errors.hashAmbiguous');
  return found[0] ?? null;
}

/** Voids the number in force for a case's document, with a reason, and issues its replacement. */
export function voidDocumentNumber(ctx: CallContext, caseId: number, kind: DocumentKind, reason: string): IssuedNumberInfo {
  return mutate(ctx, () => {
    const current = requireNumber(ctx.db, caseId, kind);
    const actor = actorOf(ctx.session);
    voidNumber(ctx.db, current.id, reason, actor.id, ctx.now().toISOString());
    appendAudit(ctx.db, { actor, action: 'documents.voidNumber', entity: 'document_number', entityId: current.id, before: current, after: { ...current, voidReason: reason }, at: ctx.now() });
    return issueNumber(ctx.db, kind, { caseId }, actor, ctx.now());
  });
}

export const issuedNumbers = (db: Db, kind: DocumentKind, year: number): IssuedNumberInfo[] => listNumbers(db, kind, year);
