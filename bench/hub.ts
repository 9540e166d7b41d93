/**
 * The city hub (issue 17): checkpoints push their row audit into one hub, run as its own process so its
 * CPU time and peak memory are its own; records per second at 5, 10 and 20 checkpoints pushing at once; and
 * one checkpoint's catch-up after 7 days offline (about 7,000 registrations; target < 30 s).
 * The checkpoints' databases hold registrations written through the repository (each imaged by the row
 * audit's triggers), kept in .tmp/hub-bench/ and reused. Real PostgreSQL (a throwaway cluster) when its
 * binaries are installed, else PGlite. Standalone: `node --import tsx bench/hub.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../db/open.ts';
import { insertRegistration } from '../db/registrations-repo.ts';
import { sampleRegistration, seededRandom } from '../src-main/demo/sample-registration.ts';
import { openHub } from '../src-main/hub/hub-db.ts';
import { registerInstallation } from '../src-main/hub/installations.ts';
import { checkpointKey } from '../src-main/services/keys/keys.ts';
import { SYSTEM_ACTOR } from '../src-main/services/context.ts';
import { createUser } from '../src-main/services/accounts/accounts.ts';
import { pushToHub } from '../src-main/services/sync/sync.ts';
import { startHubProcess } from '../test/support/hub-process.ts';
import { pgliteDataDir } from '../test/support/pglite-template.ts';
import { postgresBinDir, startPostgres, type PgCluster } from '../test/support/postgres.ts';

const CHECKPOINTS = Number(process.env.BENCH_HUB_CHECKPOINTS ?? 20);
const PER_CHECKPOINT = Number(process.env.BENCH_HUB_REGISTRATIONS ?? 25_000);
const CATCH_UP = Number(process.env.BENCH_HUB_CATCH_UP ?? 7_000);
const DIR = path.resolve('.tmp', 'hub-bench');

const code = (i: number) => `CD${String(i + 1).padStart(2, '0')}`;

/** Appends `count` registrations (their row-audit entries come from the triggers), one transaction per 5,000. */
function addRegistrations(db: Db, stationCode: string, count: number, seed: number): void {
  const rnd = seededRandom(seed);
  const from = (db.prepare('SELECT COUNT(*) AS n FROM registrations').get() as { n: number }).n;
  const operatorId = (db.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as { id: number }).id;
  const start = Date.parse('2026-06-01T00:00:00Z');
  const batch = db.transaction((a: number, b: number) => {
    for (let i = a; i < b; i++) {
      const at = new Date(start + i * 97_000);
      insertRegistration(db, {
        recordNumber: `${stationCode}-${String(i).padStart(7, '0')}`, revision: 1, amendsId: null, amendmentReason: null, stationCode, operatorId,
        registeredAt: at.toISOString(), data: { ...sampleRegistration(rnd), training: false },
      });
    }
  });
  for (let i = from; i < from + count; i += 5_000) batch(i, Math.min(from + count, i + 5_000));
}

/** A checkpoint's database with `count` registrations and its signing key, made once and reused. */
function checkpointDb(i: number, count: number): { db: Db; code: string; publicKeyPem: string } {
  const file = path.join(DIR, `${code(i)}-${count}.db`);
  const fresh = !fs.existsSync(file);
  const db = openDatabase(file);
  if (fresh) {
    db.prepare('INSERT INTO station (id, name, code, created_at) VALUES (1, ?, ?, ?)').run(`基准检查站${i + 1}`, code(i), '2026-06-01T00:00:00Z');
    createUser(db, SYSTEM_ACTOR, { username: 'kiosk', displayName: 'kiosk', roles: ['kiosk'], password: 'bench-pass-1' }, new Date());
    addRegistrations(db, code(i), count, i + 1);
  }
  return { db, code: code(i), publicKeyPem: checkpointKey(db, SYSTEM_ACTOR, new Date()).public_key_pem };
}

/** The hub process's CPU seconds so far and its peak resident memory (Linux /proc). */
function processFigures(pid: number): { cpuS: number; peakRssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuS: ticks / 100, peakRssMb: Math.round(Number(hwm ?? 0) / 1024) };
}

async function freshHub(cluster: PgCluster | undefined, label: string): Promise<{ target: { pgUrl?: string; dataDir?: string }; args: string[] }> {
  const target = cluster ? { pgUrl: await cluster.freshDatabase(`bench_${label}_${process.pid}`) } : { dataDir: await pgliteDataDir() };
  return { target, args: target.pgUrl ? ['--pg', target.pgUrl] : ['--data', target.dataDir!] };
}

async function registered(target: { pgUrl?: string; dataDir?: string }, installations: { code: string; publicKeyPem: string }[]): Promise<void> {
  const { sql } = await openHub(target);
  for (const i of installations) await registerInstallation(sql, () => new Date(), 'bench', { id: i.code, kind: 'checkpoint', name: i.code, publicKeyPem: i.publicKeyPem });
  await sql.close();
}

/** `k` checkpoints push everything at once into a fresh hub. */
async function pushAll(cluster: PgCluster | undefined, all: { db: Db; code: string; publicKeyPem: string }[], k: number): Promise<Record<string, string>> {
  const some = all.slice(0, k);
  const { target, args } = await freshHub(cluster, `push${k}`);
  await registered(target, some);
  const hub = await startHubProcess(args);
  const before = processFigures(hub.child.pid!);
  const t0 = performance.now();
  const results = await Promise.all(some.map((c) => pushToHub(c.db, { hubUrl: hub.url, now: () => new Date(), actor: SYSTEM_ACTOR })));
  const seconds = (performance.now() - t0) / 1000;
  const after = processFigures(hub.child.pid!);
  await hub.stop();
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`push failed: ${failed.map((r) => r.problem?.message).join('; ')}`);
  const entries = results.reduce((s, r) => s + r.stored, 0);
  const registrations = k * PER_CHECKPOINT;
  return {
    [`${k} checkpoints × ${PER_CHECKPOINT.toLocaleString('en')} registrations: ${entries.toLocaleString('en')} audit entries pushed in`]: `${seconds.toFixed(1)} s`,
    [`  registrations / s (entries / s)`]: `${Math.round(registrations / seconds).toLocaleString('en')} (${Math.round(entries / seconds).toLocaleString('en')})`,
    [`  hub process CPU, peak RSS`]: `${(after.cpuS - before.cpuS).toFixed(1)} s, ${after.peakRssMb} MB`,
  };
}

/** One checkpoint offline for 7 days (CATCH_UP registrations), then one push. */
async function catchUp(cluster: PgCluster | undefined): Promise<Record<string, string>> {
  const file = path.join(DIR, `catch-up-${Date.now()}.db`);
  const db = openDatabase(file);
  db.prepare("INSERT INTO station (id, name, code, created_at) VALUES (1, '追赶检查站', 'CD99', '2026-06-01T00:00:00Z')").run();
  createUser(db, SYSTEM_ACTOR, { username: 'kiosk', displayName: 'kiosk', roles: ['kiosk'], password: 'bench-pass-1' }, new Date());
  addRegistrations(db, 'CD99', 1_000, 99);
  const me = { code: 'CD99', publicKeyPem: checkpointKey(db, SYSTEM_ACTOR, new Date()).public_key_pem };
  const { target, args } = await freshHub(cluster, 'catchup');
  await registered(target, [me]);
  const hub = await startHubProcess(args);
  try {
    await pushToHub(db, { hubUrl: hub.url, now: () => new Date(), actor: SYSTEM_ACTOR });
    addRegistrations(db, 'CD99', CATCH_UP, 100);
    const t0 = performance.now();
    const r = await pushToHub(db, { hubUrl: hub.url, now: () => new Date(), actor: SYSTEM_ACTOR });
    const seconds = (performance.now() - t0) / 1000;
    if (!r.ok) throw new Error(r.problem?.message);
    return { [`catch-up after 7 days offline: ${CATCH_UP.toLocaleString('en')} registrations (${r.stored.toLocaleString('en')} audit entries) (target < 30 s)`]: `${seconds.toFixed(2)} s` };
  } finally {
    await hub.stop();
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

export async function benchHub(): Promise<Record<string, string>> {
  fs.mkdirSync(DIR, { recursive: true });
  const cluster = postgresBinDir() ? await startPostgres({ durable: true }) : undefined;
  try {
    const all = Array.from({ length: CHECKPOINTS }, (_, i) => checkpointDb(i, PER_CHECKPOINT));
    const figures: Record<string, string> = { engine: cluster ? 'PostgreSQL (throwaway local cluster, fsync on)' : 'PGlite' };
    for (const k of [5, 10, 20].filter((n) => n <= CHECKPOINTS)) Object.assign(figures, await pushAll(cluster, all, k));
    if (CHECKPOINTS < 5) Object.assign(figures, await pushAll(cluster, all, CHECKPOINTS));
    Object.assign(figures, await catchUp(cluster));
    for (const c of all) c.db.close();
    return figures;
  } finally {
    await cluster?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, value] of Object.entries(await benchHub())) console.log(`  ${name.padEnd(100)} ${value}`);
}
