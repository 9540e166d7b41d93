import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { openDatabase, type Db } from '../../../db/open.ts';
import { ROW_AUDITED_TABLES } from '../../../db/migrations/017-row-audit.ts';
import { runDemo } from '../../../src-main/demo/run-demo.ts';
import { tempDbPath } from '../../support/app-fixture.ts';

interface Column { name: string; type: string; notnull: number; pk: number }

export const columnsOf = (db: Database.Database, table: string) => db.prepare(`PRAGMA table_info(${table})`).all() as Column[];

const filler = (c: Column) => (c.type === 'BLOB' ? "x'00'" : c.type === 'INTEGER' ? '1' : "'seed'");

/**
 * A demo database with at least one row in every audited table. Tables the demo leaves empty get a row
 * written through the app's own connection (audited like any write; checks and keys off, since the row
 * only has to exist).
 */
export async function seededDatabase(): Promise<{ demo: string; seeded: string }> {
  const demo = tempDbPath('evidence-demo-');
  await runDemo(demo, { days: 2, perDay: 3, now: new Date('2026-03-10T02:00:00Z') });
  const file = tempDbPath('evidence-');
  copyFileSync(demo, file);
  const db = openDatabase(file);
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  for (const table of Object.keys(ROW_AUDITED_TABLES)) {
    if ((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n > 0) continue;
    const cols = columnsOf(db, table);
    db.prepare(`INSERT INTO ${table} (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map(filler).join(', ')})`).run();
  }
  db.close();
  return { demo, seeded: file };
}

export type Tamper = 'change' | 'insert' | 'delete';

/** Drops every trigger on the table (as anyone holding the file can) and makes the change with a bare connection. */
export function tamperBehindApp(seed: string, table: string, how: Tamper): { file: string; key: string } {
  const file = tempDbPath('tampered-');
  copyFileSync(seed, file);
  const raw = new Database(file);
  raw.pragma('foreign_keys = OFF');
  raw.pragma('ignore_check_constraints = ON');
  for (const t of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table) as { name: string }[]) {
    raw.exec(`DROP TRIGGER ${t.name}`);
  }
  const cols = columnsOf(raw, table);
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const row = raw.prepare(`SELECT * FROM ${table} LIMIT 1`).get() as Record<string, unknown>;
  const keyOf = (r: Record<string, unknown>) => (pk.length === 1 ? String(r[pk[0]!.name]) : JSON.stringify(pk.map((c) => r[c.name])));
  const where = pk.map((c) => `${c.name} = @${c.name}`).join(' AND ');
  const params = Object.fromEntries(pk.map((c) => [c.name, row[c.name]]));
  if (how === 'delete') raw.prepare(`DELETE FROM ${table} WHERE ${where}`).run(params);
  if (how === 'change') {
    const target = [...cols].reverse().find((c) => c.pk === 0) ?? cols[cols.length - 1]!;
    raw.prepare(`UPDATE ${table} SET ${target.name} = CASE WHEN typeof(${target.name}) = 'integer' THEN ${target.name} + 7 ELSE coalesce(${target.name}, '') || 'x' END WHERE ${where}`).run(params);
    if (target.pk > 0) return { file, key: keyOf({ ...row, [target.name]: typeof row[target.name] === 'number' ? (row[target.name] as number) + 7 : `${String(row[target.name] ?? '')}x` }) };
  }
  if (how === 'insert') {
    const forged = Object.fromEntries(cols.map((c) => {
      const v = row[c.name];
      return [c.name, typeof v === 'number' ? v + 100000 : typeof v === 'string' ? `${v}-f` : v];
    }));
    raw.prepare(`INSERT INTO ${table} (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map((c) => '@' + c.name).join(', ')})`).run(forged);
    raw.close();
    return { file, key: keyOf(forged) };
  }
  raw.close();
  return { file, key: keyOf(row) };
}

export const openApp = (file: string): Db => openDatabase(file);
