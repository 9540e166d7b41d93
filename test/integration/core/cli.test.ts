import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { cliPath } from '../../support/host-process.ts';
import { tempDbPath } from '../../support/app-fixture.ts';

const cli = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [cliPath, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('checkpoint command line', () => {
  it('prints help and refuses unknown commands', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['db migrate', 'users add', 'registrations list', 'audit verify', 'demo', 'serve']) expect(help.out).toContain(c);
    const unknown = cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
  });

  it('migrates, adds a user from stdin, fills demo data, lists it as JSON and verifies the audit chain', () => {
    const db = tempDbPath();
    expect(cli(['db', 'migrate', '--db', db]).out).toMatch(/schema version \d+/);
    expect(cli(['demo', '--db', db, '--days', '2', '--per-day', '3']).code).toBe(0);
    const add = cli(['users', 'add', '--db', db, '--username', 'clerk', '--role', 'kiosk', '--password-stdin'], 'clerk-pass-1\n');
    expect([add.code, add.out.trim()]).toEqual([0, 'added clerk (kiosk)']);
    const list = cli(['registrations', 'list', '--db', db, '--json']);
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

  it('rejects bad arguments with a message on stderr and a non-zero exit, changing nothing', () => {
    const db = tempDbPath();
    cli(['db', 'migrate', '--db', db]);
    const weak = cli(['users', 'add', '--db', db, '--username', 'x', '--role', 'kiosk', '--password-stdin'], 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.err).toMatch(/username|password/);
    const badRole = cli(['users', 'add', '--db', db, '--username', 'clerk', '--role', 'king', '--password-stdin'], 'long-enough-1\n');
    expect(badRole.code).toBe(2);
    expect(cli(['registrations', 'list', '--db', db, '--from', '2026-13-01', '--json']).code).toBe(2);
    expect(cli(['registrations', 'list', '--db', db, '--bogus']).code).toBe(2);
    const raw = new Database(db);
    expect(raw.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 0 });
    raw.close();
  });
});
