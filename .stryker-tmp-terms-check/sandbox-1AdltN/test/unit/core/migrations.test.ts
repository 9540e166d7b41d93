// @ts-nocheck
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrations } from '../../../db/migrations/index.ts';
import { migrate, openDatabase, schemaVersion, MigrationError } from '../../../db/open.ts';
import { tempDbPath } from '../../support/app-fixture.ts';

describe('migrations', () => {
  it('bring an empty file to the latest version with WAL, full sync and foreign keys', () => {
    const db = openDatabase(tempDbPath());
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it.each(migrations.map((_, i) => i + 1))('migration %i applies on top of the previous ones and keeps data', (n) => {
    const file = tempDbPath();
    const db = new Database(file);
    migrate(db, n - 1);
    expect(schemaVersion(db)).toBe(n - 1);
    if (n > 1) {
      db.prepare("INSERT INTO station (id, name, code, created_at) VALUES (1, '站', 'CD01', '2026-01-01')").run();
    }
    migrate(db, n);
    expect(schemaVersion(db)).toBe(n);
    if (n > 1) expect(db.prepare('SELECT code FROM station').get()).toEqual({ code: 'CD01' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('re-opening an up-to-date file changes nothing', () => {
    const file = tempDbPath();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(migrations.length);
  });

  it('refuses a database from a newer app', () => {
    const file = tempDbPath();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(MigrationError);
  });
});
