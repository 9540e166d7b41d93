import { resolveDbPath } from '../paths.ts';
import { translate } from '../../src-shared/contract/i18n/index.ts';
import { ServiceError } from '../services/errors.ts';
import { DatabaseFileError, withDatabaseFile, type Db } from '../services/evidence/database-file.ts';
import { CliError } from './command.ts';

/**
 * Runs `work` with the database (--db, CHECKPOINT_DB or the user-data file) open, closing it however `work`
 * ends; a refusal or an unreadable file becomes the CLI's one-line error.
 */
export async function withCliDb<T>(dbPath: string | undefined, work: (db: Db) => Promise<T> | T, options: { readonly?: boolean } = {}): Promise<T> {
  try {
    return await withDatabaseFile(resolveDbPath(dbPath), work, options);
  } catch (err) {
    if (err instanceof ServiceError) throw new CliError(translate('zh-CN', err.key, err.params));
    if (err instanceof DatabaseFileError) throw new CliError(err.message);
    throw err;
  }
}

/** Verification: read-only, never migrated, so a write-protected copy works and stays byte-for-byte the same. */
export const withReadOnlyDb = <T>(dbPath: string | undefined, work: (db: Db) => Promise<T> | T): Promise<T> => withCliDb(dbPath, work, { readonly: true });
