/**
 * Failures of the disk under the database or under a file being written, turned into refusals a person can act on
 * (free space, writable media, permissions) instead of "Internal error" or a stack trace. A failed write inside a
 * transaction has rolled back, so the refusal also means nothing of that call was stored.
 */
import { ServiceError } from './errors.ts';

/** The refusal for a file-system error while writing `file`, or null when it is not one a person can act on. */
export function fileRefusal(err: unknown, file: string): ServiceError | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ServiceError('internal', 'storage.diskFull', { file });
  if (code === 'EROFS') return new ServiceError('forbidden', 'storage.readOnly', { file });
  if (code === 'EACCES' || code === 'EPERM') return new ServiceError('forbidden', 'storage.noPermission', { file });
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ServiceError('not-found', 'storage.noFolder', { file });
  if (code === 'EISDIR') return new ServiceError('invalid-input', 'storage.isFolder', { file });
  return null;
}

/**
 * The refusal for an error of the database file itself: better-sqlite3's `SqliteError.code`, or the file system's
 * when the file or its folder cannot be created at all.
 */
export function databaseRefusal(err: unknown): ServiceError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new ServiceError('internal', 'storage.databaseFull');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new ServiceError('forbidden', 'storage.databaseReadOnly');
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return new ServiceError('internal', 'storage.databaseUnavailable');
  return null;
}
