import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../../src-main/app.ts';
import { startLoopbackHost } from '../../../src-main/host/loopback-host.ts';
import { tempDbPath } from '../../support/app-fixture.ts';

let app: App;
let host: Awaited<ReturnType<typeof startLoopbackHost>>;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>煤质检查站</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'secret.txt'), 'secret');
  app = createApp({ dbPath: tempDbPath() });
  host = await startLoopbackHost({ port: 0, rendererDir, dispatch: app.dispatch, events: app.events });
});
afterAll(async () => {
  await host.close();
  app.close();
});

function request(options: { method?: string; path: string; body?: string; headers?: Record<string, string> }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const api = (method: string, input: unknown, token?: string) =>
  request({ method: 'POST', path: `/api/${method}`, body: JSON.stringify({ input }), headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } })
    .then((r) => JSON.parse(r.body));

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and prints a loopback URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the contract: set up, log in with a token, call a session method', async () => {
    const setup = await api('setup.init', { stationName: '检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
    expect(setup.ok).toBe(true);
    expect((await api('registrations.search', {})).error.code).toBe('unauthorized');
    const login = await api('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect((await api('registrations.search', {}, login.value.token)).ok).toBe(true);
  });

  it('answers bad bodies and methods with clear errors', async () => {
    const notJson = await request({ method: 'POST', path: '/api/auth.login', body: '{nope', headers: { 'Content-Type': 'application/json' } });
    expect([notJson.status, JSON.parse(notJson.body).error.code]).toEqual([400, 'invalid-input']);
    expect((await request({ path: '/api/auth.login' })).status).toBe(405);
    expect((await api('no.such.method', {})).error.code).toBe('not-found');
    // The host may answer 413 or cut the upload short; either way nothing is dispatched.
    const tooBig = await request({ method: 'POST', path: '/api/auth.login', body: 'x'.repeat(17 * 1024 * 1024), headers: { Connection: 'close', 'Content-Type': 'application/json' } })
      .catch((err: NodeJS.ErrnoException) => ({ status: err.code }));
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(tooBig.status);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await request({ path: '/' });
    expect(page.body).toContain('煤质检查站');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const traversal = await request({ path: '/../secret.txt' });
    expect(traversal.body).not.toContain('secret');
    const encoded = await request({ path: '/%2e%2e/secret.txt' });
    expect(encoded.body).not.toContain('secret');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await request({ path: '/', headers: { Host: 'evil.example:80' } });
    expect(r.status).toBe(403);
  });
});
