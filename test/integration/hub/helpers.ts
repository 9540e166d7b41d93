/**
 * The hub suites' world: installations as separate SQLite databases driven through the dispatcher, a hub on
 * a chosen engine (a throwaway real PostgreSQL cluster, or PGlite), and the comparison of what the hub
 * stored with what each installation holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createApp, type App } from '../../../src-main/app.ts';
import { openHub, type HubSql } from '../../../src-main/hub/hub-db.ts';
import { registerInstallation } from '../../../src-main/hub/installations.ts';
import { createHubHost, type HubHost } from '../../../src-main/host/hub-host.ts';
import { ROW_AUDITED_TABLES } from '../../../db/migrations/017-row-audit.ts';
import { imageExpr, keyExpr } from '../../../db/row-audit-sql.ts';
import { REDACTED_TABLES, type InstallationKind } from '../../../src-shared/contract/hub.ts';
import type { InputOf, MethodName, OutputOf } from '../../../src-shared/contract/index.ts';
import { validRegistration } from '../../support/app-fixture.ts';
import { pgliteDataDir } from '../../support/pglite-template.ts';
import { postgresBinDir, startPostgres, type PgCluster } from '../../support/postgres.ts';

export type Engine = 'postgresql' | 'pglite';

/** The engines this machine can run: both when the PostgreSQL binaries are there, else PGlite alone. */
export const ENGINES: Engine[] = postgresBinDir() ? ['postgresql', 'pglite'] : ['pglite'];

export interface Installation {
  code: string;
  kind: InstallationKind;
  app: App;
  dbPath: string;
  clock: { now: Date };
  admin: string;
  call<M extends MethodName>(method: M, input: InputOf<M>, token?: string): Promise<OutputOf<M>>;
  publicKeyPem: string;
}

export async function makeInstallation(code: string, name: string, kind: InstallationKind = 'checkpoint'): Promise<Installation> {
  const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `hub-${code}-`)), 'checkpoint.db');
  const clock = { now: new Date('2026-11-28T08:00:00Z') };
  const app = createApp({ dbPath, now: () => clock.now });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string) => {
    const r = await app.dispatch(method, { token, input });
    if (!r.ok) throw new Error(`${code} ${method}: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<M>;
  };
  const setup = await call('setup.init', { stationName: name, stationCode: code, admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  const key = await call('checkpointKey.get', {}, setup.token);
  return { code, kind, app, dbPath, clock, admin: setup.token, call, publicKeyPem: key.publicKeyPem };
}

/** `n` registrations through the dispatcher, each a little later than the one before. */
export async function addRegistrations(inst: Installation, n: number, seed: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    inst.clock.now = new Date(inst.clock.now.getTime() + 20_000);
    await inst.call('registrations.create', validRegistration(seed * 1000 + i), inst.admin);
  }
}

export async function userToken(inst: Installation, username: string, role: 'officer' | 'disposal'): Promise<string> {
  await inst.call('users.create', { username, displayName: username, role, password: 'user-pass-1' }, inst.admin);
  return (await inst.call('auth.login', { username, password: 'user-pass-1' })).token;
}

export interface HubUnderTest {
  engine: Engine;
  sql: HubSql;
  host: HubHost;
  url: string;
  close(): Promise<void>;
}

let cluster: PgCluster | undefined;
let databases = 0;

/** A fresh hub database on the engine (one shared cluster per test file for the real server). */
export async function hubDatabase(engine: Engine): Promise<{ pgUrl?: string; dataDir?: string }> {
  if (engine === 'pglite') return { dataDir: await pgliteDataDir() };
  cluster ??= await startPostgres();
  return { pgUrl: await cluster.freshDatabase(`hub_${process.pid}_${++databases}`) };
}

export async function stopCluster(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}

export const hubClock = { now: new Date('2026-11-28T09:00:00Z') };

export async function startHub(engine: Engine, target?: { pgUrl?: string; dataDir?: string }): Promise<HubUnderTest> {
  const { sql } = await openHub(target ?? (await hubDatabase(engine)));
  const host = await createHubHost({ sql, clock: () => hubClock.now, port: 0 });
  return { engine, sql, host, url: host.url, close: async () => { await host.close(); await sql.close(); } };
}

export async function register(sql: HubSql, inst: Installation): Promise<void> {
  await registerInstallation(sql, () => hubClock.now, 'test', { id: inst.code, kind: inst.kind, name: inst.code, county: '围场县', publicKeyPem: inst.publicKeyPem });
}

interface AuditRow { seq: number; tbl: string; pk: string; op: string; after_json: string | null; actor_id: number | null; actor_name: string; at: string; prev_hash: string; hash: string }

/**
 * What the hub holds of an installation is exactly its row audit, each entry once, redacted tables without
 * their after-image; and the hub's current rows are exactly the installation's current tables.
 */
export async function expectHubHoldsAll(sql: HubSql, inst: Installation): Promise<void> {
  const local = inst.app.db.prepare('SELECT * FROM row_audit ORDER BY seq').all() as AuditRow[];
  const held = (await sql.query<AuditRow & { redacted: boolean }>(
    'SELECT seq, tbl, pk, op, after_json, actor_id, actor_name, at, prev_hash, hash, redacted FROM hub_entries WHERE installation_id = $1 ORDER BY seq', [inst.code],
  )).rows;
  expect(held.length, `${inst.code}: entries held`).toBe(local.length);
  const expected = local.map((r) => ({ ...r, after_json: REDACTED_TABLES.includes(r.tbl) ? null : r.after_json, redacted: REDACTED_TABLES.includes(r.tbl) }));
  expect(held).toEqual(expected);
  const head = (await sql.query<{ head_seq: number; head_hash: string }>('SELECT head_seq, head_hash FROM installations WHERE id = $1', [inst.code])).rows[0]!;
  expect(head).toEqual({ head_seq: local.at(-1)!.seq, head_hash: local.at(-1)!.hash });
  await expectRowsEqual(sql, inst);
}

async function expectRowsEqual(sql: HubSql, inst: Installation): Promise<void> {
  const onHub = new Map<string, unknown>();
  for (const r of (await sql.query<{ tbl: string; pk: string; after: unknown }>('SELECT tbl, pk, after FROM hub_rows WHERE installation_id = $1', [inst.code])).rows) {
    onHub.set(`${r.tbl}|${r.pk}`, r.after);
  }
  const local = new Map<string, unknown>();
  for (const [table, t] of Object.entries(ROW_AUDITED_TABLES)) {
    if (REDACTED_TABLES.includes(table)) continue;
    // The table's actual columns, as `audit verify` reads them: a column added later is compared too.
    const columns = (inst.app.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const rows = inst.app.db.prepare(`SELECT ${keyExpr('', t.pk)} AS k, ${imageExpr('', columns, t.blobs)} AS img FROM ${table}`).all() as { k: string; img: string }[];
    for (const r of rows) local.set(`${table}|${r.k}`, JSON.parse(r.img));
  }
  expect(local.size, `${inst.code}: some rows to compare`).toBeGreaterThan(5);
  expect(Object.fromEntries(onHub)).toEqual(Object.fromEntries(local));
}

export async function hubCount(sql: HubSql, id: string): Promise<{ entries: number; rows: number; head: number }> {
  const q = async (text: string) => Number(Object.values((await sql.query(text, [id])).rows[0]!)[0]);
  return {
    entries: await q('SELECT COUNT(*) FROM hub_entries WHERE installation_id = $1'),
    rows: await q('SELECT COUNT(*) FROM hub_rows WHERE installation_id = $1'),
    head: await q('SELECT head_seq FROM installations WHERE id = $1'),
  };
}
