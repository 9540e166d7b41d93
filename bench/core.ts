import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/open.ts';
import { setTrainingMode } from '../db/devices-repo.ts';
import { SearchInput } from '../src-shared/contract/registration.ts';
import { listUsers } from '../src-main/services/accounts/accounts.ts';
import { createRegistration, findRegistrations } from '../src-main/services/registrations/registrations.ts';
import { sampleRegistration, seededRandom } from '../src-main/demo/sample-registration.ts';
import { timeMany } from './stats.ts';

/** Saving, plate search and the first ledger page on the big database, through the services. */
export function benchRegistrations(db: Db, plates: string[]): Record<string, number> {
  const user = listUsers(db).find((u) => u.roles.includes('kiosk'))!;
  const ctx = { db, now: () => new Date(), session: { token: 'bench', user, lastSeenMs: 0 } };
  const rnd = seededRandom(7);
  // Saved in training mode, so the big database's real records stay as generated for the next run.
  setTrainingMode(db, true, new Date().toISOString());
  const save = timeMany(200, () => createRegistration(ctx, { ...sampleRegistration(rnd), weightSource: 'manual', manualReason: '基准测试' }));
  setTrainingMode(db, false, new Date().toISOString());
  const search = timeMany(200, (i) => findRegistrations(db, SearchInput.parse({ query: plates[(i * 97) % plates.length]! })));
  const firstPage = timeMany(100, () => findRegistrations(db, SearchInput.parse({})));
  return {
    'save registration + audit p95 (ms) [target < 15]': save.p95Ms,
    'plate search p95 (ms) [target < 50]': search.p95Ms,
    'first ledger page p95 (ms) [target < 30]': firstPage.p95Ms,
  };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** Starts the real loopback host on the big database: time to its URL, then memory after some ledger calls. */
export async function benchHost(dbPath: string, username: string, password: string): Promise<Record<string, number>> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.resolve('bin/checkpoint.js'), 'serve', '--port', '0', '--db', dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error('host exited')));
  });
  const readyMs = Math.round(performance.now() - t0);
  const post = async (method: string, input: unknown, token?: string) =>
    (await (await fetch(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ input }) })).json()) as { value: { token: string } };
  const { token } = (await post('auth.login', { username, password })).value;
  for (let page = 1; page <= 50; page++) await post('registrations.search', { page, pageSize: 50 }, token);
  const memory = rssMb(child.pid!);
  child.kill('SIGTERM');
  return { 'loopback host ready (ms) [target < 2000]': readyMs, 'host memory RSS (MB) [target < 300]': memory };
}
