/**
 * The CLI is a client like any other (issue 14 item 9, issue 12 item 5): commands that write or show personal
 * data run through the dispatcher as a user who signed in; verification commands need no account.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';

let f: Fixture;
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-state-'));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-out-'));
const savedEnv = { XDG_STATE_HOME: process.env.XDG_STATE_HOME, CHECKPOINT_TOKEN: process.env.CHECKPOINT_TOKEN };

async function cli(args: string[], stdin = '', env: { token?: string } = {}) {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; } }, stdin: Readable.from([stdin]) } as never;
  if (env.token) process.env.CHECKPOINT_TOKEN = env.token;
  try {
    return { code: await main([...args, '--db', f.dbPath], io), out, err };
  } finally {
    delete process.env.CHECKPOINT_TOKEN;
  }
}

/** Everything a refused command could have changed. */
const snapshot = () => ({
  audit: f.count('audit_log'), users: f.count('users'), registrations: f.count('registrations'), cases: f.count('enforcement_cases'),
  handovers: f.count('handovers'), printed: f.count('printed_documents'), tokens: f.count('cli_tokens'), out: fs.readdirSync(outDir),
});

beforeAll(async () => {
  process.env.XDG_STATE_HOME = stateDir;
  delete process.env.CHECKPOINT_TOKEN;
  f = await createFixture();
  await f.call('registrations.create', validRegistration(3), await f.tokenFor('kiosk'));
  await f.tokenFor('officer');
  await f.tokenFor('supervisor');
  await f.tokenFor('disposal');
});

afterAll(() => {
  for (const [k, v] of Object.entries(savedEnv)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
});

describe('without credentials', () => {
  const refused: [string, string[], string?][] = [
    ['users add', ['users', 'add', '--username', 'clerk', '--role', 'kiosk', '--password-stdin'], 'clerk-pass-1\n'],
    ['registrations list', ['registrations', 'list', '--json']],
    ['cases list', ['cases', 'list', '--json']],
    ['documents render', ['documents', 'render', '--case', '1', '--out', path.join(outDir, 'docs')]],
    ['documents render --user without password', ['documents', 'render', '--case', '1', '--out', path.join(outDir, 'docs'), '--user', 'officer1']],
    ['handover import', ['handover', 'import', '--qr', 'CCH1:whatever']],
    ['export weekly', ['export', 'weekly', '--week', '2026-W48', '--format', 'csv', '--out', path.join(outDir, 'w.csv')]],
    ['export weekly --unmasked', ['export', 'weekly', '--week', '2026-W48', '--format', 'csv', '--out', path.join(outDir, 'w.csv'), '--unmasked']],
    ['export monthly', ['export', 'monthly', '--month', '2026-11', '--format', 'csv', '--out', path.join(outDir, 'm.csv')]],
  ];
  it.each(refused)('%s is refused with exit 2 and changes nothing', async (_name, args, stdin) => {
    const before = snapshot();
    const r = await cli(args, stdin);
    expect(r.code).toBe(2);
    expect(r.err).toContain('需要登录');
    expect(r.out).toBe('');
    expect(snapshot()).toEqual(before);
  });

  it('leaves the verification commands open to anyone holding the file', async () => {
    expect(await cli(['audit', 'verify'])).toMatchObject({ code: 0, out: expect.stringContaining('OK') });
    expect((await cli(['ledger', 'balance', '--json'])).code).toBe(0);
  });
});

describe('signing in with the password on stdin', () => {
  it('runs the command as that user, with the contract\'s roles', async () => {
    const listed = await cli(['registrations', 'list', '--json', '--user', 'kiosk1', '--password-stdin'], 'user-pass-1\n');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toHaveLength(1);
    // cases.list is for enforcement: the kiosk's own role decides, as in the app.
    const kiosk = await cli(['cases', 'list', '--user', 'kiosk1', '--password-stdin'], 'user-pass-1\n');
    expect([kiosk.code, kiosk.err.trim()]).toEqual([2, 'checkpoint cases list: 当前角色无权执行此操作']);
  });

  it('refuses a wrong password in one Chinese line, exit 2, recording only the failed attempt', async () => {
    const before = snapshot();
    const r = await cli(['users', 'add', '--username', 'clerk', '--role', 'kiosk', '--password-stdin', '--user', 'admin'], 'wrong-pass-1\nclerk-pass-1\n');
    expect([r.code, r.err]).toEqual([2, 'checkpoint users add: 用户名或密码错误\n']);
    expect(snapshot()).toEqual({ ...before, audit: before.audit + 1 });
    expect(f.app.db.prepare('SELECT actor_name, action FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ actor_name: 'admin', action: 'auth.failed' });
  });

  it('adds a user as the administrator who signed in, audited under that name', async () => {
    const r = await cli(['users', 'add', '--username', 'clerk', '--role', 'kiosk', '--password-stdin', '--user', 'admin'], 'admin-pass-1\nclerk-pass-1\n');
    expect([r.code, r.out]).toEqual([0, 'added clerk (kiosk)\n']);
    expect(f.app.db.prepare("SELECT actor_name FROM audit_log WHERE action = 'users.create' ORDER BY seq DESC LIMIT 1").get()).toEqual({ actor_name: 'admin' });
    const login = await f.raw('auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    expect(login.ok).toBe(true);
  });
});

describe('checkpoint login / logout tokens', () => {
  it('stores only a hash of a token with an expiry, in a file its owner alone can read, and uses it', async () => {
    const r = await cli(['login', '--user', 'supervisor1', '--hours', '2'], 'user-pass-1\n');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已登录：supervisor1，有效至 \d{4}-\d{2}-\d{2}T/);
    const file = fs.readdirSync(path.join(stateDir, 'coal-checkpoint', 'cli-tokens')).map((n) => path.join(stateDir, 'coal-checkpoint', 'cli-tokens', n))[0]!;
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const { token } = JSON.parse(fs.readFileSync(file, 'utf8')) as { token: string };
    const row = f.app.db.prepare('SELECT token_hash, expires_at, revoked_at FROM cli_tokens ORDER BY id DESC LIMIT 1').get() as { token_hash: string; expires_at: string; revoked_at: null };
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(f.app.db.prepare('SELECT * FROM cli_tokens').all())).not.toContain(token);
    const hours = (Date.parse(row.expires_at) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);

    const file2 = path.join(outDir, 'w.csv');
    const exported = await cli(['export', 'weekly', '--week', '2026-W48', '--format', 'csv', '--out', file2, '--unmasked']);
    expect(exported.code).toBe(0);
    expect(f.app.db.prepare('SELECT actor_name, action FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ actor_name: 'supervisor1', action: 'reports.exportWeekly' });
    fs.rmSync(file2);
    // The token is supervisor1's: it does not let anyone act as officer1.
    const other = await cli(['cases', 'list', '--user', 'officer1']);
    expect(other.code).toBe(2);
    expect(other.err).toContain('已登录的是 supervisor1');

    const out = await cli(['logout']);
    expect([out.code, out.out]).toEqual([0, '已注销：supervisor1\n']);
    expect(fs.existsSync(file)).toBe(false);
    expect(f.app.db.prepare('SELECT revoked_at FROM cli_tokens ORDER BY id DESC LIMIT 1').get()).toEqual({ revoked_at: expect.any(String) });
    expect((await cli(['cases', 'list'])).err).toContain('需要登录');
  });

  it('refuses a revoked token and an expired one in one Chinese line, changing nothing', async () => {
    const printed = await cli(['login', '--user', 'officer1', '--print'], 'user-pass-1\n');
    const token = printed.out.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await cli(['cases', 'list', '--json'], '', { token })).code).toBe(0);
    expect((await cli(['logout'], '', { token })).code).toBe(0);
    const before = snapshot();
    const revoked = await cli(['documents', 'render', '--case', '1', '--out', path.join(outDir, 'docs')], '', { token });
    expect([revoked.code, revoked.err]).toEqual([2, 'checkpoint documents render: 命令行登录令牌无效、已过期或已注销，请用 checkpoint login 重新登录\n']);
    expect(snapshot()).toEqual(before);

    // Issued through the dispatcher on the fixture's clock (2026-11-28 08:00 UTC) for 8 hours: long past for the CLI's real clock.
    const expired = await f.call('cliTokens.issue', { hours: 8 }, await f.tokenFor('officer'));
    expect(Date.parse(expired.expiresAt)).toBeLessThan(Date.now());
    const before2 = snapshot();
    const r = await cli(['cases', 'list'], '', { token: expired.token });
    expect([r.code, r.err]).toEqual([2, 'checkpoint cases list: 命令行登录令牌无效、已过期或已注销，请用 checkpoint login 重新登录\n']);
    expect(snapshot()).toEqual(before2);
    expect((await cli(['login', '--user', 'officer1', '--hours', '25'], 'user-pass-1\n')).code).toBe(2);
  });

  it('lets a user revoke only their own tokens', async () => {
    const mine = (await cli(['login', '--user', 'officer1', '--print'], 'user-pass-1\n')).out.trim();
    const r = await f.raw('cliTokens.revoke', { token: mine }, await f.tokenFor('supervisor'));
    expect(!r.ok && r.error.code).toBe('forbidden');
    expect((await cli(['cases', 'list'], '', { token: mine })).code).toBe(0);
  });
});
