import { openDatabase, type Db } from '../../db/open.ts';
import { resolveDbPath } from '../paths.ts';
import { translate } from '../../src-shared/contract/i18n/index.ts';
import { ServiceError } from '../services/errors.ts';
import { CliError } from './command.ts';

export const dbOption = { db: { type: 'string' } } as const;

/**
 * Runs `work` with the database (--db, CHECKPOINT_DB or the user-data file) open, closing it however `work`
 * ends; a service's refusal becomes a CLI error with its message.
 */
/** Runs a file write, turning its refusal (exists, is the database, disk full, read-only) into the CLI's one-line error. */
export function cliWrite(write: () => void): void {
  try {
    write();
  } catch (err) {
    if (err instanceof ServiceError) throw new CliError(translate('zh-CN', err.key, err.params));
    throw err;
  }
}

export async function withCliDb<T>(dbPath: string | undefined, work: (db: Db) => Promise<T> | T): Promise<T> {
  const db = openDatabase(resolveDbPath(dbPath));
  try {
    return await work(db);
  } catch (err) {
    if (err instanceof ServiceError) throw new CliError(translate('zh-CN', err.key, err.params));
    throw err;
  } finally {
    db.close();
  }
}
