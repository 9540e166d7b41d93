import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations/index.ts';
import { registerRowAuditFunctions } from './row-audit.ts';

export type Db = Database.Database;

export class MigrationError extends Error {}

/**
 * Opens (creating if needed) the checkpoint database: WAL with synchronous=FULL so that a commit that
 * returned survives power loss, foreign keys on, then brings the schema up to date.
 */
export function openDatabase(file: string, options: { migrate?: boolean; readonly?: boolean } = {}): Db {
  if (file !== ':memory:' && !options.readonly) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    // Created owner-only: SQLite gives the WAL and shared-memory files the database file's mode.
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  const db = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  registerRowAuditFunctions(db);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (options.migrate ?? true) migrate(db);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the file's user_version, each in its own transaction. */
export function migrate(db: Db, upTo = migrations.length): number {
  registerRowAuditFunctions(db); // the row-audit triggers and baseline call them
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new MigrationError(`database schema ${current} is newer than this app (${migrations.length}); update the app`);
  }
  for (let v = current; v < upTo; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return schemaVersion(db);
}
