/** File helpers for backup sets: hashing that yields, and writes that never leave a half file under its name. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../errors.ts';

/** SHA-256 of a file, streamed so that a large database does not block the kiosk while it is hashed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function sha256Bytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes via a temporary name, flushed, then renamed: a reader sees the old file or the whole new one. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { flush: true });
  fs.renameSync(tmp, file);
}

/** Makes a rename durable where the platform allows it (Windows cannot open a directory; its renames are journalled). */
export function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  } catch { /* best effort */ }
}

/** Every file under `dir`, as paths relative to it with forward slashes (the manifest's form on every OS). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** A disk that is full or gone is named as such, so the screen says what to do about it. */
export function targetError(err: unknown, target: string): ServiceError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ServiceError('conflict', 'backup.targetFull', { target });
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ServiceError('not-found', 'backup.targetMissing', { target });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new ServiceError('forbidden', 'backup.targetReadOnly', { target });
  return new ServiceError('internal', 'backup.writeFailed', { target, reason: (err as Error).message });
}
