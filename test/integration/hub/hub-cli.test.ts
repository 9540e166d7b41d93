/**
 * Issue 17 items 5–6 on the command line: an installation prints its public key, the hub's administrator
 * registers it, the installation pushes over TLS with a self-signed certificate (its CA given by file), the
 * administrator sees its head, lag and chain and revokes it; the hub refuses to serve the network without
 * TLS; the host answers odd requests in JSON and never falls over.
 */
import { hubMigrations } from '../../../db/hub/migrations/index.ts';
import type { ApiResult, Envelope } from '../../../src-shared/contract/define.ts';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main.ts';
import { openHub, type HubSql } from '../../../src-main/hub/hub-db.ts';
import { createHubHost, type HubHost } from '../../../src-main/host/hub-host.ts';
import type { HubInstallationStatus } from '../../../src-shared/contract/hub.ts';
import { ENGINES, addRegistrations, hubDatabase, makeInstallation, stopCluster, type Installation } from './helpers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-'));
let inst: Installation;
/** The hub's database on the command line: the real server when there is one (opened in a blink), else PGlite. */
let where: string[];
let target: { pgUrl?: string; dataDir?: string };

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString(); });
  stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const code = await main(args, { stdout, stderr, stdin: Readable.from([stdin]) });
  return { code, out, err };
}

/** A self-signed certificate for localhost and 127.0.0.1: it is its own CA. */
function selfSigned(): { cert: string; key: string; certFile: string } {
  const certFile = path.join(dir, 'hub.crt');
  const keyFile = path.join(dir, 'hub.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile,
    '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'pipe' });
  return { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8'), certFile };
}

beforeAll(async () => {
  inst = await makeInstallation('CD05', '兴隆县入市煤炭检查站');
  await addRegistrations(inst, 4, 5);
  target = await hubDatabase(ENGINES[0]!);
  where = target.pgUrl ? ['--pg', target.pgUrl] : ['--data', target.dataDir!];
});
afterAll(async () => {
  inst?.app.close();
  await stopCluster();
});

describe('checkpoint hub … and checkpoint sync … over TLS', () => {
  it('keys public → hub register → sync push over TLS → hub installations → revoke', async () => {
    const pem = await cli(['keys', 'public', '--db', inst.dbPath]);
    expect(pem).toMatchObject({ code: 0, out: inst.publicKeyPem.endsWith('\n') ? inst.publicKeyPem : `${inst.publicKeyPem}\n` });
    const json = await cli(['keys', 'public', '--json', '--db', inst.dbPath]);
    fs.writeFileSync(path.join(dir, 'cd05.json'), json.out);
    fs.writeFileSync(path.join(dir, 'cd05.pem'), pem.out);
    expect(JSON.parse(json.out)).toEqual({ checkpointId: 'CD05', publicKeyPem: inst.publicKeyPem });

    expect((await cli(['hub', 'migrate', ...where])).out).toMatch(new RegExp(`^hub schema version ${hubMigrations.length} `));
    const noId = await cli(['hub', 'register', '--key', path.join(dir, 'cd05.pem'), '--kind', 'checkpoint', '--name', '兴隆县检查站', ...where]);
    expect(noId).toMatchObject({ code: 2, err: expect.stringContaining('需要 --id') });
    const reg = await cli(['hub', 'register', '--key', path.join(dir, 'cd05.json'), '--kind', 'checkpoint', '--name', '兴隆县检查站', '--county', '兴隆县', ...where]);
    expect(reg).toMatchObject({ code: 0, out: 'registered CD05 (checkpoint, 兴隆县检查站)\n' });
    const twice = await cli(['hub', 'register', '--key', path.join(dir, 'cd05.json'), '--kind', 'checkpoint', '--name', 'x', ...where]);
    expect(twice).toMatchObject({ code: 2, err: expect.stringContaining('已登记且未注销') });
    const badKind = await cli(['hub', 'register', '--key', path.join(dir, 'cd05.json'), '--kind', 'city', '--name', 'x', ...where]);
    expect(badKind.code).toBe(2);

    const tls = selfSigned();
    const { sql } = await openHub(target);
    const host = await createHubHost({ sql, clock: () => new Date(), port: 0, tls: { cert: tls.cert, key: tls.key } });
    try {
      expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const creds = ['--db', inst.dbPath, '--user', 'admin', '--password-stdin'];
      const untrusted = await cli(['sync', 'push', '--hub', host.url, ...creds], 'admin-pass-1\n');
      expect(untrusted).toMatchObject({ code: 1, err: expect.stringContaining('无法连接市级平台') });
      const pushed = await cli(['sync', 'push', '--hub', host.url, '--hub-ca', tls.certFile, '--batch', '25', ...creds], 'admin-pass-1\n');
      expect(pushed).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: \d+ entries stored, 0 already held, \d+ batches/) });
      // The address and CA are remembered: later pushes and status need neither.
      const status = await cli(['sync', 'status', '--json', ...creds], 'admin-pass-1\n');
      expect(JSON.parse(status.out)).toMatchObject({ hubUrl: host.url, live: true, pending: expect.any(Number), lastOkAt: expect.any(String) });
      const again = await cli(['sync', 'push', '--json', ...creds], 'admin-pass-1\n');
      expect(JSON.parse(again.out)).toMatchObject({ ok: true, duplicates: 0 });
    } finally {
      await host.close();
      await sql.close();
    }
    const local = (inst.app.db.prepare('SELECT MAX(seq) AS s FROM row_audit').get() as { s: number }).s;
    const listed = JSON.parse((await cli(['hub', 'installations', '--json', ...where])).out) as HubInstallationStatus[];
    expect(listed).toEqual([expect.objectContaining({ id: 'CD05', county: '兴隆县', headSeq: local, chain: 'intact', revokedAt: null, lastSyncAt: expect.any(String) })]);
    expect(await cli(['hub', 'revoke', '--id', 'CD05', ...where])).toMatchObject({ code: 0, out: expect.stringMatching(/^revoked CD05 at /) });
    const table = await cli(['hub', 'installations', ...where]);
    expect(table.out).toMatch(/^CD05\tcheckpoint\t兴隆县检查站\t兴隆县\trevoked \S+\thead \d+\tchain intact\t/);
  }, 150_000);

  it('without TLS the hub will not listen beyond loopback', async () => {
    const r = await cli(['hub', 'serve', '--host', '0.0.0.0', ...where]);
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining('只能监听本机地址') });
    expect((await cli(['hub', 'serve', '--tls-cert', 'x.crt', ...where])).err).toContain('须同时给出');
  });
});

describe('the hub host under odd requests', () => {
  let sql: HubSql;
  let host: HubHost;
  beforeAll(async () => {
    ({ sql } = await openHub(await hubDatabase(ENGINES[0]!)));
    // A dispatcher that echoes what the host hands it: the host's own parsing is what is under test here.
    const api = async (name: string, envelope: Envelope): Promise<ApiResult<unknown>> => {
      if (name === 'city.echo') return { ok: true, value: { input: envelope.input, token: envelope.token ?? null, lang: envelope.lang } };
      if (name === 'city.fail') return { ok: false, error: { code: 'forbidden', key: 'errors.forbidden', message: '当前角色无权执行此操作' } };
      return { ok: false, error: { code: 'not-found', key: 'errors.unknownMethod', message: '没有这个方法' } };
    };
    host = await createHubHost({ sql, clock: () => new Date(), port: 0, api });
  });
  afterAll(async () => {
    await host.close();
    await sql.close();
  });

  const req = (p: string, init: RequestInit = {}) => fetch(new URL(p, host.url), init);

  it('answers each in JSON with a proper status and keeps serving', async () => {
    const json = { 'Content-Type': 'application/json' };
    const cases: [string, RequestInit, number][] = [
      ['/hub/v1/push', { method: 'GET' }, 405],
      ['/hub/v1/push', { method: 'POST', headers: json, body: '{' }, 400],
      ['/hub/v1/head', { method: 'POST', headers: json, body: '"x"' }, 400],
      ['/hub/v1/mail/send', { method: 'POST', headers: json, body: '{}' }, 400],
      ['/hub/v1/nope', { method: 'POST', headers: json, body: '{}' }, 404],
      ['/api/nope', { method: 'POST', headers: json, body: '{}' }, 404],
      ['/api/city.echo', { method: 'POST', body: '{}' }, 400],
      ['/api/city.echo', { method: 'POST', headers: { ...json, Origin: 'https://evil.example' }, body: '{}' }, 403],
      ['/api/city.fail', { method: 'POST', headers: json, body: '{}' }, 403],
      ['/api/%E0%A4%A', { method: 'POST', headers: json, body: '{}' }, 404],
      ['/index.html', { method: 'GET' }, 404],
    ];
    for (const [p, init, status] of cases) {
      const r = await req(p, init);
      expect([p, r.status]).toEqual([p, status]);
      expect((await r.json()) as object).toHaveProperty('ok', false);
    }
    const echo = await req('/api/city.echo', { method: 'POST', headers: { ...json, Authorization: 'Bearer t0k' }, body: JSON.stringify({ input: { a: 1 }, lang: 'en' }) });
    expect(await echo.json()).toEqual({ ok: true, value: { input: { a: 1 }, token: 't0k', lang: 'en' } });
  });

  it('refuses a body over the limit with 413', async () => {
    const small = await createHubHost({ sql, clock: () => new Date(), port: 0, maxBodyBytes: 1000 });
    try {
      const r = await fetch(new URL('/hub/v1/push', small.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'x'.repeat(5000), signature: 'AAAA' }) });
      expect(r.status).toBe(413);
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringContaining('过大') } });
    } finally {
      await small.close();
    }
  });
});
