import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../../src-main/app.ts';
import { startLoopbackHost } from '../../../src-main/host/loopback-host.ts';
import { METHOD_NAMES } from '../../../src-shared/contract/index.ts';
import { seededRandom } from '../../../src-main/demo/sample-registration.ts';
import { tempDbPath } from '../../support/app-fixture.ts';

let app: App;
let host: Awaited<ReturnType<typeof startLoopbackHost>>;
const SETUP_CODE = 'TEST-CODE';
const JSON_TYPE = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>煤质检查站</title>');
  app = createApp({ dbPath: tempDbPath(), setupCode: SETUP_CODE });
  host = await startLoopbackHost({ port: 0, rendererDir, dispatch: app.dispatch, events: app.events });
});
afterAll(async () => {
  await host.close();
  app.close();
});

function request(options: { method?: string; path: string; body?: string; headers?: Record<string, string> }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes raw bytes (a request line http.request would refuse to send) and reads the status line back. */
function rawRequest(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1', () => socket.end(bytes));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(out.split('\r\n')[0] ?? ''));
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = JSON_TYPE) =>
  request({ method: 'POST', path: `/api/${method}`, body: JSON.stringify({ input }), headers });
const stationCount = () => (app.db.prepare('SELECT COUNT(*) AS n FROM station').get() as { n: number }).n;
const admin = { username: 'admin', displayName: '管理员', password: 'admin-pass-1' };

describe('a host nothing can crash or drive from outside', () => {
  it('answers malformed paths and encodings with a 400 envelope, and keeps answering', async () => {
    for (const p of ['/%FF', '/%', '/%E0%A4%A', '/assets/%00.js', '/api/%FF']) {
      const r = await request({ method: p.startsWith('/api/') ? 'POST' : 'GET', path: p, headers: JSON_TYPE });
      expect([p, r.status, JSON.parse(r.body).error.code]).toEqual([p, 400, 'invalid-input']);
    }
    expect((await request({ path: '/' })).body).toContain('煤质检查站');
  });

  it('refuses API calls that are not JSON or come from another origin, before anything runs', async () => {
    const setup = { stationName: '外站', stationCode: 'EVIL', admin, setupCode: SETUP_CODE };
    const plain = await api('setup.init', setup, { 'Content-Type': 'text/plain' });
    expect([plain.status, JSON.parse(plain.body).error.key]).toEqual([400, 'account.errors.jsonOnly']);
    const foreign = await api('setup.init', setup, { ...JSON_TYPE, Origin: 'http://127.0.0.1:1' });
    expect([foreign.status, JSON.parse(foreign.body).error.key]).toEqual([403, 'account.errors.foreignOrigin']);
    const evil = await api('setup.init', setup, { ...JSON_TYPE, Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(stationCount()).toBe(0);
  });

  it('sets up a fresh station only with the one-time code from the terminal', async () => {
    const input = { stationName: '检查站', stationCode: 'CD01', admin };
    const none = await api('setup.init', input, { ...JSON_TYPE, Origin: `http://127.0.0.1:${host.port}` });
    expect([none.status, JSON.parse(none.body).error.key]).toEqual([403, 'account.errors.setupCode']);
    expect((await api('setup.init', { ...input, setupCode: 'AAAA-AAAA' })).status).toBe(403);
    expect(stationCount()).toBe(0);
    const ok = await api('setup.init', { ...input, setupCode: SETUP_CODE.toLowerCase() });
    expect(ok.status).toBe(200);
    expect(stationCount()).toBe(1);
  });

  it('gives HTTP statuses that follow the envelope code', async () => {
    const statusOf = async (method: string, input: unknown, token?: string) =>
      (await request({ method: 'POST', path: `/api/${method}`, body: JSON.stringify({ input }), headers: { ...JSON_TYPE, ...(token ? { Authorization: `Bearer ${token}` } : {}) } })).status;
    expect(await statusOf('auth.login', { username: 'admin', password: 'nope' })).toBe(401);
    expect(await statusOf('no.such', {})).toBe(404);
    expect(await statusOf('auth.login', { username: 5 })).toBe(400);
    expect(await statusOf('setup.init', { stationName: 'x', stationCode: 'XX', admin, setupCode: SETUP_CODE })).toBe(409);
    const token = JSON.parse((await api('auth.login', { username: 'admin', password: 'admin-pass-1' })).body).value.token as string;
    expect(await statusOf('users.create', { username: 'kiosk9', displayName: 'k', role: 'kiosk', password: 'user-pass-1' }, token)).toBe(200);
    const kiosk = JSON.parse((await api('auth.login', { username: 'kiosk9', password: 'user-pass-1' })).body).value.token as string;
    expect(await statusOf('users.list', {}, kiosk)).toBe(403);
    expect((await request({ path: '/api/auth.login' })).status).toBe(405);
  });

  it('survives a bounded fuzz of every contract method and of malformed request lines with no 5xx', async () => {
    const rnd = seededRandom(14);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const odd = ['', '\u0000', '\uD800', '%FF', '‮', 'a'.repeat(5000), -1, 1e308, NaN, null, true, [], {}, { __proto__: { x: 1 } }, [[[[]]]], '2026-02-30', '<script>'];
    const token = JSON.parse((await api('auth.login', { username: 'admin', password: 'admin-pass-1' })).body).value.token as string;
    // Methods that end or lock the fuzzer's own session with an empty input are left out, so the rest reach their handlers.
    const methods = METHOD_NAMES.filter((m) => !['auth.logout', 'auth.lock', 'auth.changePassword'].includes(m));
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const method = pick(methods);
      const input = rnd() < 0.3 ? pick(odd) : Object.fromEntries([['id', pick(odd)], [pick(['plate', 'username', 'input', 'from', 'caseId']), pick(odd)]]);
      const body = rnd() < 0.1 ? pick(['{', '[]', 'null', '"x"', '\u0000', '{"input":']) : JSON.stringify({ input, lang: pick(['en', 'zh-CN', 7]) });
      const r = await request({ method: 'POST', path: `/api/${method}`, body, headers: { ...JSON_TYPE, ...(rnd() < 0.8 ? { Authorization: `Bearer ${token}` } : {}) } });
      statuses.push(r.status);
      expect(JSON.parse(r.body)).toHaveProperty('ok');
    }
    const lines = ['GET /%FF HTTP/1.1', 'GET / HTTP/9.9', 'BREW /api/x HTTP/1.1', 'GET \u0000 HTTP/1.1', 'POST /api/auth.login HTTP/1.1\r\nContent-Length: -1',
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked', 'GET http://[::1 HTTP/1.1', 'G\u00e9T / HTTP/1.1', 'POST /api/%E0%A4%A HTTP/1.1'];
    for (const line of lines) {
      const status = await rawRequest(`${line}\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\r\n`);
      expect([line, status]).not.toEqual([line, expect.stringMatching(/^HTTP\/1\.1 5/)]);
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(JSON.parse((await api('setup.status', {})).body).value.needsSetup).toBe(false);
  }, 120_000);
});
