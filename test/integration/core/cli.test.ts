import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { cliPath } from '../../support/host-process.ts';
import { cliBundle } from '../../support/bundles.ts';
import { tempDbPath } from '../../support/app-fixture.ts';
import { DEMO_PASSWORD } from '../../../src-main/demo/run-demo.ts';

/** `checkpoint ARGS` as a process: the installed entry, bin/checkpoint.js, or the same CLI bundled for this run. */
const run = (entry: string, args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [entry, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const cli = (args: string[], input?: string) => run(cliBundle, args, input);

describe('checkpoint command line', () => {
  it('prints help and refuses unknown commands', { timeout: 60_000 }, () => {
    const help = run(cliPath, ['--help']);
    expect(help.code).toBe(0);
    for (const c of ['db migrate', 'users add', 'registrations list', 'audit verify', 'demo', 'serve', 'setup', 'login', 'logout']) expect(help.out).toContain(c);
    const unknown = run(cliPath, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
  });

  it('makes another demo checkpoint with its own code and name, as the city hub needs several side by side', { timeout: 180_000 }, () => {
    const db = tempDbPath();
    const half = cli(['demo', '--db', db, '--days', '1', '--per-day', '2', '--station', 'CD07']);
    expect([half.code, half.err]).toEqual([2, expect.stringContaining('须同时给出')]);
    expect(cli(['demo', '--db', db, '--days', '1', '--per-day', '2', '--station', 'CD07', '--name', '丰宁县入市煤炭检查站（演示）']).code).toBe(0);
    expect(JSON.parse(cli(['keys', 'public', '--db', db, '--json']).out)).toMatchObject({ checkpointId: 'CD07' });
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.prepare('SELECT code, name FROM station').get()).toEqual({ code: 'CD07', name: '丰宁县入市煤炭检查站（演示）' });
      expect(raw.prepare("SELECT COUNT(*) AS n FROM registrations WHERE station_code = 'CD07'").get()).toEqual({ n: 2 });
    } finally {
      raw.close();
    }
    // The plain demo (another station's name) refuses to write into it.
    expect(cli(['demo', '--db', db, '--days', '1', '--per-day', '1']).err).toContain('不是演示数据库');
  });

  it('migrates, adds a user from stdin, fills demo data, lists it as JSON and verifies the audit chain', { timeout: 180_000 }, () => {
    const db = tempDbPath();
    expect(cli(['db', 'migrate', '--db', db]).out).toMatch(/schema version \d+/);
    expect(cli(['demo', '--db', db, '--days', '2', '--per-day', '3']).code).toBe(0);
    // The demo's administrator signs in: first their password, then the new user's.
    const add = cli(['users', 'add', '--db', db, '--username', 'clerk', '--role', 'kiosk', '--password-stdin', '--user', 'admin'], `${DEMO_PASSWORD}\nclerk-pass-1\n`);
    expect([add.code, add.out.trim()]).toEqual([0, 'added clerk (kiosk)']);
    const list = cli(['registrations', 'list', '--db', db, '--json', '--user', 'clerk', '--password-stdin'], 'clerk-pass-1\n');
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.out) as Record<string, unknown>[];
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r).toMatchObject({ recordNumber: expect.stringMatching(/^CD-\d{8}-\d{4}$/), plate: expect.any(String) });
      expect(r.netKg).toBe((r.grossKg as number) - (r.tareKg as number));
      expect(r.registeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    }
    expect(cli(['audit', 'verify', '--db', db])).toMatchObject({ code: 0, out: expect.stringContaining('OK') });
    const raw = new Database(db);
    // A bare connection cannot write an audited table until its row-audit trigger is dropped.
    expect(() => raw.prepare('UPDATE registrations SET net_kg = 1 WHERE id = 3').run()).toThrow(/no such function/);
    raw.exec('DROP TRIGGER row_audit_registrations_update');
    raw.prepare('UPDATE registrations SET gross_kg = gross_kg + 500, net_kg = net_kg + 500 WHERE id = 3').run();
    raw.close();
    const broken = cli(['audit', 'verify', '--db', db]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('registration 3 differs');
    expect(broken.out).toContain('BROKEN registrations 3: changed');
  });

  it('sets up a fresh database without sign-in, once', { timeout: 60_000 }, () => {
    const db = tempDbPath();
    const setup = cli(['setup', '--db', db, '--station', '承德市入市煤炭检查站', '--code', 'CD01', '--username', 'boss', '--name', '站长', '--password-stdin'], 'boss-pass-12\n');
    expect([setup.code, setup.out.trim()]).toEqual([0, 'set up 承德市入市煤炭检查站 (CD01); administrator boss']);
    const again = cli(['setup', '--db', db, '--station', '别的站', '--code', 'XX01', '--username', 'intruder', '--password-stdin'], 'intruder-pass-1\n');
    expect([again.code, again.err]).toEqual([2, 'checkpoint setup: 检查站已设置\n']);
    const raw = new Database(db);
    expect(raw.prepare('SELECT username FROM users').all()).toEqual([{ username: 'boss' }]);
    expect(raw.prepare('SELECT name, code FROM station').all()).toEqual([{ name: '承德市入市煤炭检查站', code: 'CD01' }]);
    raw.close();
  });

  it('rejects bad arguments with a message on stderr and a non-zero exit, changing nothing', { timeout: 300_000 }, () => {
    const db = tempDbPath();
    cli(['setup', '--db', db, '--station', '承德市入市煤炭检查站', '--code', 'CD01', '--username', 'boss', '--password-stdin'], 'boss-pass-12\n');
    const admin = ['--user', 'boss'];
    const weak = cli(['users', 'add', '--db', db, '--username', 'x', '--role', 'kiosk', '--password-stdin', ...admin], 'boss-pass-12\nshort\n');
    expect(weak.code).toBe(2);
    expect(weak.err).toMatch(/username|password/);
    const badRole = cli(['users', 'add', '--db', db, '--username', 'clerk', '--role', 'king', '--password-stdin', ...admin], 'boss-pass-12\nlong-enough-1\n');
    expect(badRole.code).toBe(2);
    expect(cli(['registrations', 'list', '--db', db, '--from', '2026-13-01', '--json']).code).toBe(2);
    expect(cli(['registrations', 'list', '--db', db, '--bogus']).code).toBe(2);
    const raw = new Database(db);
    expect(raw.prepare('SELECT username FROM users').all()).toEqual([{ username: 'boss' }]);
    raw.close();
  });
});
