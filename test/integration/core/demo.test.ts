/** The demo is a client like any other: its data is made through the dispatcher, by its named users. */
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../../src-main/demo/run-demo.ts';
import { createApp } from '../../../src-main/app.ts';
import { createFixture, tempDbPath } from '../../support/app-fixture.ts';

const DEMO_USERS = ['admin', 'kiosk', 'officer1', 'officer2', 'disposal', 'supervisor'];
let dbPath: string;
let lines: string[];

beforeAll(async () => {
  dbPath = tempDbPath('cc-demo-');
  lines = await runDemo(dbPath, { days: 2, perDay: 20, now: new Date('2026-11-28T08:00:00Z') });
}, 180_000);

describe('checkpoint demo', () => {
  it('names a demo user on every audit entry after the first-run set-up, and keeps the chain intact', () => {
    const db = new Database(dbPath, { readonly: true });
    const entries = db.prepare('SELECT actor_name, actor_id, action FROM audit_log ORDER BY seq').all() as { actor_name: string; actor_id: number | null; action: string }[];
    db.close();
    // Only the set-up itself, which runs before there is anyone, is the system's (as in the app's first run).
    expect(entries.slice(0, 2).map((e) => [e.actor_name, e.action])).toEqual([['system', 'setup.init'], ['system', 'users.create']]);
    for (const e of entries.slice(2)) {
      expect(DEMO_USERS).toContain(e.actor_name);
      expect(e.actor_id).not.toBeNull();
    }
    const by = (action: string) => new Set(entries.filter((e) => e.action === action).map((e) => e.actor_name));
    expect(by('registrations.create')).toEqual(new Set(['kiosk']));
    expect(by('devices.capture')).toEqual(new Set(['kiosk']));
    expect(by('certificates.check')).toEqual(new Set(['kiosk']));
    expect(by('cases.open')).toEqual(new Set(['officer1']));
    expect(by('handovers.import')).toEqual(new Set(['disposal']));
    expect(by('users.create')).toEqual(new Set(['system', 'admin']));
  });

  it('stores real-looking records: a check per registration, weighings from its (now disabled) scale, no training records', () => {
    expect(lines).toContain('registrations: 40 over 2 days');
    const db = new Database(dbPath, { readonly: true });
    const one = (sql: string) => db.prepare(sql).get();
    expect(one('SELECT COUNT(*) AS n FROM registrations')).toEqual({ n: 40 });
    expect(one('SELECT COUNT(DISTINCT registration_id) AS n FROM certificate_checks')).toEqual({ n: 40 });
    expect(one("SELECT COUNT(*) AS n FROM certificate_checks WHERE verdict = 'fail'")).not.toEqual({ n: 0 });
    expect(one('SELECT COUNT(*) AS n FROM registrations WHERE training = 1')).toEqual({ n: 0 });
    const scaleRegs = one("SELECT COUNT(*) AS n FROM registrations WHERE weight_source = 'scale'") as { n: number };
    expect(one('SELECT COUNT(*) AS n FROM weighings WHERE simulated = 0 AND used_by_registration IS NOT NULL')).toEqual(scaleRegs);
    // Each weighing keeps its five frames, ending at the moment of capture, in the past the demo replays.
    const w = db.prepare('SELECT captured_at, frames_json FROM weighings ORDER BY id LIMIT 1').get() as { captured_at: string; frames_json: string };
    const frames = JSON.parse(w.frames_json) as { at: string }[];
    expect(frames.length).toBeGreaterThanOrEqual(5);
    expect(frames.at(-1)!.at).toBe(w.captured_at);
    expect(one('SELECT enabled FROM devices')).toEqual({ enabled: 0 });
    db.close();
  });

  it('verifies through the app, and refuses a database it did not set up', async () => {
    const app = createApp({ dbPath });
    const login = await app.dispatch('auth.login', { input: { username: 'supervisor', password: 'demo-pass-2026' } });
    const token = (login as { ok: true; value: { token: string } }).value.token;
    expect(await app.dispatch('audit.verify', { token })).toMatchObject({ ok: true, value: { ok: true } });
    app.close();
    const other = await createFixture();
    const audit = other.count('audit_log');
    await expect(runDemo(other.dbPath, { days: 1, perDay: 1, now: new Date() })).rejects.toThrow('不是演示数据库');
    expect(other.count('audit_log')).toBe(audit);
  });
});
