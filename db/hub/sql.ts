/**
 * The hub's connection to PostgreSQL: a real server through `pg` (production, CI) or the embedded PGlite
 * (a newcomer's one-command start, and one run of the suite). Both speak the same SQL; the rest of the hub
 * sees only this interface.
 */
import pg from 'pg';
import { hubMigrations } from './migrations/index.ts';

export interface HubSql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection; a throw rolls everything back. */
  transaction<T>(fn: (tx: HubSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly engine: 'postgresql' | 'pglite';
}

export class HubMigrationError extends Error {}

function fromPgClient(client: pg.PoolClient | pg.Client): HubSql {
  return {
    engine: 'postgresql',
    query: async <T>(text: string, params?: readonly unknown[]) => ({ rows: (await client.query(text, params as unknown[])).rows as T[] }),
    exec: async (script: string) => void (await client.query(script)),
    transaction: () => Promise.reject(new Error('nested hub transaction')),
    close: async () => undefined,
  };
}

/** A pool on a PostgreSQL server (`postgres://user@host:port/db`). */
export function postgresHubSql(url: string): HubSql {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // BIGINT and NUMERIC come back as numbers: counts and kilograms stay well under 2^53.
  const types = { getTypeParser: (oid: number, format?: string) => (oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format as 'text')) };
  return {
    engine: 'postgresql',
    query: async <T>(text: string, params?: readonly unknown[]) => ({ rows: (await pool.query({ text, values: params as unknown[], types })).rows as T[] }),
    exec: async (script: string) => void (await pool.query(script)),
    async transaction<T>(fn: (tx: HubSql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const tx = fromPgClient(client);
      const typed: HubSql = { ...tx, query: async <R>(text: string, params?: readonly unknown[]) => ({ rows: (await client.query({ text, values: params as unknown[], types })).rows as R[] }) };
      try {
        await client.query('BEGIN');
        const out = await fn(typed);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The embedded PostgreSQL (PGlite), in `dataDir` or in memory when none is given. */
export async function pgliteHubSql(dataDir?: string): Promise<HubSql> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const parsers = { [types.INT8]: Number, [types.NUMERIC]: Number };
  const db = dataDir ? new PGlite(dataDir, { parsers }) : new PGlite({ parsers });
  await db.waitReady;
  // PGlite runs one statement at a time; a transaction holds it until done, so callers queue behind it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const sql: HubSql = {
    engine: 'pglite',
    query: <T>(text: string, params?: readonly unknown[]) => serial(async () => ({ rows: (await db.query<T>(text, params as unknown[])).rows })),
    exec: (script: string) => serial(async () => void (await db.exec(script))),
    transaction: <T>(fn: (tx: HubSql) => Promise<T>) =>
      serial(() =>
        db.transaction(async (t) => {
          const tx: HubSql = {
            engine: 'pglite',
            query: async <R>(text: string, params?: readonly unknown[]) => ({ rows: (await t.query<R>(text, params as unknown[])).rows }),
            exec: async (script: string) => void (await t.exec(script)),
            transaction: () => Promise.reject(new Error('nested hub transaction')),
            close: async () => undefined,
          };
          return fn(tx);
        }),
      ),
    close: () => db.close(),
  };
  return sql;
}

/** Opens the hub's database: the server at `pgUrl`, else PGlite in `dataDir` (in memory without either). */
export async function openHubSql(options: { pgUrl?: string; dataDir?: string }): Promise<HubSql> {
  return options.pgUrl ? postgresHubSql(options.pgUrl) : pgliteHubSql(options.dataDir);
}

/** Brings the hub's schema up to date, each migration in its own transaction; returns the version. */
export async function migrateHub(sql: HubSql): Promise<number> {
  await sql.query('CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER NOT NULL)');
  const current = (await sql.query<{ version: number }>('SELECT version FROM hub_schema')).rows[0]?.version ?? 0;
  if (current > hubMigrations.length) {
    throw new HubMigrationError(`hub schema ${current} is newer than this app (${hubMigrations.length}); update the app`);
  }
  for (let v = current; v < hubMigrations.length; v++) {
    await sql.transaction(async (tx) => {
      await tx.exec(hubMigrations[v]!);
      await tx.query('DELETE FROM hub_schema');
      await tx.query('INSERT INTO hub_schema (version) VALUES ($1)', [v + 1]);
    });
  }
  return hubMigrations.length;
}
