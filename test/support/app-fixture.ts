import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src-main/app.ts';
import type { DeviceManagerOptions } from '../../src-main/services/devices/devices.ts';
import type { PrinterBackend } from '../../src-main/services/printing/printer.ts';
import type { InputOf, MethodName, OutputOf, ApiResult, CheckpointRole } from '../../src-shared/contract/index.ts';
import { sampleRegistration, seededRandom } from '../../src-main/demo/sample-registration.ts';

export function tempDbPath(prefix = 'cc-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'checkpoint.db');
}

export interface Fixture {
  app: App;
  dbPath: string;
  clock: { now: Date };
  /** Calls a method through the dispatcher as the given token's user; returns the raw result. */
  raw(method: string, input: unknown, token?: string): Promise<ApiResult<unknown>>;
  call<M extends MethodName>(method: M, input: InputOf<M>, token?: string): Promise<OutputOf<M>>;
  adminToken: string;
  tokenFor(role: CheckpointRole): Promise<string>;
  count(table: string): number;
}

/** A set-up checkpoint on a fresh database file, driven through the same dispatcher the shells use. */
export async function createFixture(options: { devices?: DeviceManagerOptions; printer?: PrinterBackend; requestQuit?: () => void } = {}): Promise<Fixture> {
  const dbPath = tempDbPath();
  const clock = { now: new Date('2026-11-28T08:00:00Z') };
  const app = createApp({ dbPath, now: () => clock.now, devices: options.devices, printer: options.printer, requestQuit: options.requestQuit });
  // The server locks a session idle past the lock time, and the tests' clock jumps by hours and days. `call`
  // does what the person at the screen does: types the password to unlock (the token rotates; the old one
  // stays usable in the test as an alias of the new). `raw` never unlocks, so tests of the lock see it.
  const passwords = new Map<string, string>();
  const current = new Map<string, string>();
  const live = (token?: string) => (token ? current.get(token) ?? token : token);
  const raw = async (method: string, input: unknown, token?: string) => {
    const result = await app.dispatch(method, { token: live(token), input });
    if (result.ok && (method === 'auth.login' || method === 'setup.init')) {
      const password = method === 'auth.login' ? (input as { password: string }).password : (input as { admin: { password: string } }).admin.password;
      passwords.set((result.value as { token: string }).token, password);
    }
    return result;
  };
  const call = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string) => {
    let result = await raw(method, input, token);
    const password = token ? passwords.get(token) : undefined;
    if (!result.ok && result.error.code === 'locked' && token && password && method !== 'auth.unlock') {
      const unlocked = await app.dispatch('auth.unlock', { token: live(token), input: { password } });
      if (unlocked.ok) {
        const fresh = (unlocked.value as { token: string }).token;
        current.set(token, fresh);
        passwords.set(fresh, password);
        result = await raw(method, input, token);
      }
    }
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as OutputOf<M>;
  };
  const setup = await call('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  const tokens = new Map<CheckpointRole, string>();
  return {
    app, dbPath, clock, raw, call, adminToken: setup.token,
    async tokenFor(role) {
      if (!tokens.has(role)) {
        await call('users.create', { username: `${role}1`, displayName: role, role, password: 'user-pass-1' }, setup.token);
        tokens.set(role, (await call('auth.login', { username: `${role}1`, password: 'user-pass-1' })).token);
      }
      return tokens.get(role)!;
    },
    count: (table) => (app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}

/** A valid registration as the kiosk would submit it. */
export function validRegistration(seed = 1): InputOf<'registrations.create'> {
  return { ...sampleRegistration(seededRandom(seed)), weightSource: 'manual', manualReason: '地磅未接入' };
}
