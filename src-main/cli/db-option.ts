import Database from 'better-sqlite3';
import fs from 'node:fs';
import { openDatabase, type Db } from '../../db/open.ts';
import { resolveDbPath } from '../paths.ts';
import { translate } from '../../src-shared/contract/i18n/index.ts';
import { ServiceError } from '../services/errors.ts';
import { CliError } from './command.ts';

/**
 * Verification opens read-only and never migrates, so it works on an auditor's write-protected copy; a
 * file that cannot be opened is one clear line.
 */
function openCliDb(file: string, readonly: boolean): Db {
  if (readonly && !fs.existsSync(file)) throw new CliError(`${file}: no such database`);
  try {
    return openDatabase(file, readonly ? { readonly: true, migrate: false } : {});
  } catch (err) {
    if (err instanceof Database.SqliteError || err instanceof TypeError) throw new CliError(`${file}: ${(err as Error).message}`);
    throw err;
  }
}

export const dbOption = { db: { type: 'string' } } as const;

/**
 * Runs `work` with the database (--db, CHECKPOINT_DB or the user-data file) open, closing it however `work`
 * ends; a service's refusal becomes a CLI error with its message.
 */
export async function withCliDb<T>(dbPath: string | undefined, work: (db: Db) => Promise<T> | T, options: { readonly?: boolean } = {}): Promise<T> {
  const db = openCliDb(resolveDbPath(dbPath), options.readonly ?? false);
  try {
    return await work(db);
  } catch (err) {
    if (err instanceof ServiceError) throw new CliError(translate('zh-CN', err.key, err.params));
    if (err instanceof Database.SqliteError) throw new CliError(`${dbPath ?? 'database'}: ${err.message}`);
    throw err;
  } finally {
    db.close();
  }
}
