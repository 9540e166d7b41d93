/**
 * Content hash of a printed document: sha256 of the canonical JSON of its data, without the print
 * (original/reprint) details, so an original and its 副本 carry the same hash and a paper can be
 * checked against the stored record later by scanning its QR code.
 */
import { canonicalJson, sha256Hex } from '../../../signing/handover-signature.ts';
import type { CaseDocumentData, DocumentKind } from './types.ts';

export function documentContentHash(kind: DocumentKind, data: CaseDocumentData): string {
  const { print: _print, ...content } = data;
  return sha256Hex(canonicalJson({ kind, content }));
}

export const DOCUMENT_QR_PREFIX = 'CCDOC1';

/** Text of a document's QR code: prefix | kind | case id | document number | content hash. */
export function documentQrText(kind: DocumentKind, data: CaseDocumentData, contentHash: string): string {
  return [DOCUMENT_QR_PREFIX, kind, data.caseId, data.documentNumber, contentHash].join('|');
}

export function parseDocumentQrText(text: string): { kind: string; caseId: string; documentNumber: string; contentHash: string } | null {
  const parts = text.split('|');
  if (parts.length !== 5 || parts[0] !== DOCUMENT_QR_PREFIX) return null;
  const [, kind = '', caseId = '', documentNumber = '', contentHash = ''] = parts;
  return /^[0-9a-f]{64}$/.test(contentHash) ? { kind, caseId, documentNumber, contentHash } : null;
}
