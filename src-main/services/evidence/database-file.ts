/**
 * Opens the database for a command-line check. Verification opens read-only and never migrates, so it
 * works on an auditor's write-protected copy and leaves it byte-for-byte the same; a file that cannot be
 * opened is one clear line, never a stack trace.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { openDatabase, type Db } from '../../../db/open.ts';

export type { Db };

/** A database file that cannot be opened or read: its message names the file. */
export class DatabaseFileError extends Error {}

function open(file: string, readonly: boolean): Db {
  if (readonly && !fs.existsSync(file)) throw new DatabaseFileError(`${file}: no such database`);
  try {
    return openDatabase(file, readonly ? { readonly: true, migrate: false } : {});
  } catch (err) {
    if (err instanceof Database.SqliteError || err instanceof TypeError) throw new DatabaseFileError(`${file}: ${(err as Error).message}`);
    throw err;
  }
}

/** Runs `work` with the file open, closing it however `work` ends. */
export async function withDatabaseFile<T>(file: string, work: (db: Db) => Promise<T> | T, options: { readonly?: boolean } = {}): Promise<T> {
  const db = open(file, options.readonly ?? false);
  try {
    return await work(db);
  } catch (err) {
    if (err instanceof Database.SqliteError) throw new DatabaseFileError(`${file}: ${err.message}`);
    throw err;
  } finally {
    db.close();
  }
}
