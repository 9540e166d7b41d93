/**
 * The hub's database as its shells see it (they may not reach into db/ themselves): opened on a PostgreSQL
 * server or on the embedded PGlite, and brought up to date before anything else touches it.
 */
import { migrateHub, openHubSql, type HubSql } from '../../db/hub/sql.ts';

export type { HubSql } from '../../db/hub/sql.ts';
export { HubMigrationError } from '../../db/hub/sql.ts';

/** Opens and migrates; returns the schema version reached alongside the connection. */
export async function openHub(options: { pgUrl?: string; dataDir?: string }): Promise<{ sql: HubSql; version: number }> {
  const sql = await openHubSql(options);
  try {
    return { sql, version: await migrateHub(sql) };
  } catch (err) {
    await sql.close().catch(() => undefined);
    throw err;
  }
}
