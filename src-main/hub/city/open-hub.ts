/**
 * The hub's database for the city's command-line tools: opened (a PostgreSQL server, else the embedded
 * PGlite) and brought up to date. The CLI is a shell and reaches the database only through here.
 */
import { migrateHub, openHubSql, type HubSql } from '../../../db/hub/sql.ts';

export type { HubSql };
export type HubOpener = (options: { pgUrl?: string; dataDir?: string }) => Promise<HubSql>;

export const openHub: HubOpener = openHubSql;

/** Runs `work` on the migrated hub database and closes it afterwards, whatever happens. */
export async function withMigratedHub<T>(open: HubOpener, options: { pgUrl?: string; dataDir?: string }, work: (sql: HubSql) => Promise<T>): Promise<T> {
  const sql = await open(options);
  try {
    await migrateHub(sql);
    return await work(sql);
  } finally {
    await sql.close();
  }
}
