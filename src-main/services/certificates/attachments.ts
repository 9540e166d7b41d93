/**
 * Scans and photos of inspection reports (质检报告专管档案): the file is stored once by its sha256 in
 * `<dbdir>/attachments/<hash>`, and each registration lists the files attached to it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { attachmentsOfRecord, findAttachment, getAttachment, insertAttachment, type AttachmentRow } from '../../../db/certificates-repo.ts';
import type { Db } from '../../../db/open.ts';
import { getRegistration } from '../../../db/registrations-repo.ts';
import { MAX_ATTACHMENT_BYTES, type AttachmentContent, type ReportAttachment, type ReportAttachmentInput } from '../../../src-shared/contract/certificates.ts';
import type { CallContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { mutate } from '../mutate.ts';

/** The first bytes each accepted type must start with: the declared type is not trusted. */
const SIGNATURES: Record<z.output<typeof ReportAttachmentInput>['mime'], number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
};

export function attachmentsDir(db: Db): string {
  return path.join(path.dirname(path.resolve(db.name)), 'attachments');
}

function toAttachment(r: AttachmentRow): ReportAttachment {
  return {
    id: r.id, registrationId: r.registration_id, sha256: r.sha256, mime: r.mime, sizeBytes: r.size_bytes, fileName: r.file_name,
    addedAt: r.added_at, addedBy: r.added_by_name,
  };
}

function decode(input: z.output<typeof ReportAttachmentInput>): Buffer {
  const refuse = (key: string) => new ServiceError('invalid-input', key, { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }, [{ path: 'contentBase64', key }]);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) throw refuse('certificates.attachmentNotBase64');
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw refuse('certificates.attachmentNotBase64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw refuse('certificates.attachmentTooLarge');
  if (!SIGNATURES[input.mime].every((b, i) => bytes[i] === b)) throw refuse('certificates.attachmentType');
  return bytes;
}

/** Writes the content under its hash unless it is already there; a half-written file never carries the name. */
function storeContent(dir: string, sha256: string, bytes: Buffer): void {
  const file = path.join(dir, sha256);
  if (fs.existsSync(file)) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes, { flush: true, mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Attaches a file to a registration; the same content attached twice is the same attachment. */
export function addAttachment(ctx: CallContext, input: z.output<typeof ReportAttachmentInput>): ReportAttachment {
  const reg = getRegistration(ctx.db, input.registrationId);
  if (!reg) throw new ServiceError('not-found', 'errors.registrationNotFound');
  const bytes = decode(input);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The file goes first: an unreferenced file left by a failed transaction is harmless, a row without its file is not.
  storeContent(attachmentsDir(ctx.db), sha256, bytes);
  return mutate(ctx, (tx) => {
    const existing = findAttachment(ctx.db, reg.id, sha256);
    if (existing) return toAttachment(existing);
    const at = ctx.now();
    const id = insertAttachment(ctx.db, {
      registration_id: reg.id, sha256, mime: input.mime, size_bytes: bytes.length, file_name: input.fileName,
      added_at: at.toISOString(), added_by: ctx.session.user.id,
    });
    const attachment = toAttachment(getAttachment(ctx.db, id)!);
    tx.audit({ action: 'attachments.add', entity: 'attachment', entityId: id, after: attachment, at });
    return attachment;
  });
}

export function attachmentsOf(db: Db, recordNumber: string): ReportAttachment[] {
  return attachmentsOfRecord(db, recordNumber).map(toAttachment);
}

export function attachmentsOfRegistration(db: Db, registrationId: number): ReportAttachment[] {
  const reg = getRegistration(db, registrationId);
  if (!reg) throw new ServiceError('not-found', 'errors.registrationNotFound');
  return attachmentsOf(db, reg.recordNumber);
}

/**
 * The stored file of an attachment. Its content is checked against the recorded sha256 on the way out,
 * so a file altered or damaged on disk is reported, never shown as the report that was attached.
 */
export function attachmentContent(db: Db, id: number): AttachmentContent {
  const row = getAttachment(db, id);
  if (!row) throw new ServiceError('not-found', 'certificates.attachmentNotFound');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(attachmentsDir(db), row.sha256));
  } catch {
    throw new ServiceError('not-found', 'certificates.attachmentFileMissing', { sha256: row.sha256 });
  }
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new ServiceError('conflict', 'certificates.attachmentCorrupt', { sha256: row.sha256 });
  }
  return { ...toAttachment(row), contentBase64: bytes.toString('base64') };
}
