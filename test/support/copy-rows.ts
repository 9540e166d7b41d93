import type Database from 'better-sqlite3';

/** Copies a table's rows into an older schema, only the columns it has (later migrations add columns). */
export function copyRows(from: Database.Database, to: Database.Database, table: string): void {
  const known = new Set((to.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  for (const full of from.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
    const row = Object.fromEntries(Object.entries(full).filter(([c]) => known.has(c)));
    const cols = Object.keys(row);
    to.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}
