/**
 * PGlite's first start runs initdb inside WebAssembly, which takes tens of seconds on a loaded machine. The
 * suites start many hubs, so they copy a migrated data folder made once per schema (kept in the temp
 * folder, keyed by the migrations' hash); the first start, initdb included, is still what made it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hubMigrations } from '../../db/hub/migrations/index.ts';
import { migrateHub, pgliteHubSql } from '../../db/hub/sql.ts';

function templateDir(): string {
  const key = createHash('sha256').update(hubMigrations.join('\n')).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `coal-hub-pglite-${key}`);
}

/** A fresh PGlite data folder holding the migrated, empty hub schema. */
export async function pgliteDataDir(): Promise<string> {
  const template = templateDir();
  if (!fs.existsSync(path.join(template, 'PG_VERSION'))) {
    const building = fs.mkdtempSync(`${template}-building-`);
    const sql = await pgliteHubSql(building);
    await migrateHub(sql);
    await sql.close();
    try {
      fs.renameSync(building, template);
    } catch {
      // Another worker made it first: theirs is as good.
      fs.rmSync(building, { recursive: true, force: true });
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-pglite-'));
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}
