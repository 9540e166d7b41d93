import { createHash } from 'node:crypto';
import type { Db } from '../../../db/open.ts';

export interface IssuedPaper {
  documentId: number;
  documentNumber: string;
  kind: string;
  caseNumber: string;
  /** 1 for the original, 2 for the first copy (补打), and so on. */
  copyNumber: number;
  printedBy: string;
  printedAt: string;
  voided: boolean;
}

export type PaperVerdict =
  | { genuine: true; sha256: string; paper: IssuedPaper }
  | { genuine: false; sha256: string; reason: 'altered-or-forged' | 'not-issued-here'; claims?: string };

/**
 * Judges a paper by its bytes: genuine only when the file's SHA-256 is that of a PDF this installation
 * issued (original or copy). What the file says about itself (the hash in its metadata or footer) only
 * serves to name the document it pretends to be in the refusal.
 */
export function verifyPaperBytes(db: Db, bytes: Buffer, claimedContentHash: string | null): PaperVerdict {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const row = db.prepare(
    `SELECT d.id AS documentId, d.document_number AS documentNumber, d.kind, c.case_number AS caseNumber,
            (SELECT count(*) FROM print_jobs j2 WHERE j2.document_id = j.document_id AND j2.id <= j.id) AS copyNumber,
            j.printed_by_name AS printedBy, j.printed_at AS printedAt, n.void_reason IS NOT NULL AS voided
     FROM issued_pdfs p JOIN print_jobs j ON j.id = p.job_id JOIN printed_documents d ON d.id = j.document_id
     JOIN enforcement_cases c ON c.id = d.case_id JOIN document_numbers n ON n.id = d.number_id
     WHERE p.pdf_sha256 = ? ORDER BY j.id LIMIT 1`,
  ).get(sha256) as (Omit<IssuedPaper, 'voided'> & { voided: number }) | undefined;
  if (row) return { genuine: true, sha256, paper: { ...row, voided: row.voided === 1 } };
  if (claimedContentHash) {
    const claimed = db.prepare('SELECT document_number FROM printed_documents WHERE substr(content_hash, 1, length(@h)) = @h LIMIT 1').get({ h: claimedContentHash }) as
      | { document_number: string }
      | undefined;
    if (claimed) return { genuine: false, sha256, reason: 'altered-or-forged', claims: claimed.document_number };
  }
  return { genuine: false, sha256, reason: 'not-issued-here' };
}
