/**
 * Writing a file the user named (exports, printed documents): never over the open database or its WAL/SHM/journal,
 * never over an existing file unless the user said --force, and never a half-written file under the final name —
 * the bytes go to a temporary file in the same folder, are flushed, then renamed over the target. Disk full and
 * read-only media are refusals a person can act on, not stack traces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ServiceError } from './errors.ts';
import { fileRefusal } from './storage-errors.ts';

/** The files SQLite keeps beside a database: overwriting any of them corrupts it. */
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

export interface SafeWriteOptions {
  /** The database file(s) in use; the target may be none of them nor their side files. */
  protectedFiles: readonly string[];
  /** Replace an existing file (the CLI's --force). */
  force?: boolean;
  /** Injected for tests of disk-full and read-only media. */
  fsImpl?: Pick<typeof fs, 'writeFileSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'realpathSync'>;
}

/** A path as the file system resolves it, following a symbolic link to the database too. */
function resolved(file: string, fsImpl: SafeWriteOptions['fsImpl'] & object): string {
  const absolute = path.resolve(file);
  try {
    return fsImpl.realpathSync(absolute);
  } catch {
    // Not there yet: its folder may still be a link.
    try {
      return path.join(fsImpl.realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Refuses a target that is the database or one of its side files, or that exists (without force). */
export function checkTarget(target: string, options: SafeWriteOptions): void {
  const fsImpl = options.fsImpl ?? fs;
  const wanted = resolved(target, fsImpl);
  const guarded = options.protectedFiles.flatMap((db) => SIDE_FILES.map((side) => resolved(db + side, fsImpl)));
  if (guarded.includes(wanted)) throw new ServiceError('conflict', 'storage.isDatabase', { file: target });
  if (!options.force && fsImpl.existsSync(wanted)) throw new ServiceError('conflict', 'storage.exists', { file: target });
}

/**
 * Writes `bytes` to `target` through a temporary sibling and a rename, so the target is either its old content or
 * the whole new one. On any failure the temporary file is removed and the target is untouched.
 */
export function writeFileSafely(target: string, bytes: Uint8Array, options: SafeWriteOptions): void {
  const fsImpl = options.fsImpl ?? fs;
  checkTarget(target, options);
  const final = resolved(target, fsImpl);
  const tmp = path.join(path.dirname(final), `.${path.basename(final)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fsImpl.writeFileSync(tmp, bytes, { flag: 'wx', flush: true });
    fsImpl.renameSync(tmp, final);
  } catch (err) {
    try {
      fsImpl.rmSync(tmp, { force: true });
    } catch {
      // A read-only or full disk may refuse the clean-up too; the refusal below is what matters.
    }
    throw fileRefusal(err, target) ?? err;
  }
}
