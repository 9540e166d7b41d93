import { test, expect } from '@playwright/test';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi } from '../support/e2e.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cross-origin-'));
let host: HostProcess;
let foreign: http.Server;
let foreignUrl: string;
const api = hostApi(() => host.url);

/**
 * A page on another loopback origin, as any web page in the user's browser could be: it tries first-run
 * set-up, blind logins that would lock an account, and the `%FF` image that used to end the host.
 */
function attackPage(target: string): string {
  return `<!doctype html><title>attack</title><body>
<img src="${target}%FF"><img src="${target}api/%FF">
<form id="f" method="POST" action="${target}api/auth.login" enctype="text/plain" target="sink"><input name='{"input":{"username":"officer1","password":"x","a":"' value='"}}'></form>
<iframe name="sink"></iframe>
<script>
const post = (method, input, opts) => fetch('${target}api/' + method, { method: 'POST', body: JSON.stringify({ input }), ...opts }).catch(() => null);
(async () => {
  const setup = { stationName: '外来页面', stationCode: 'EVIL', admin: { username: 'mallory', displayName: 'm', password: 'mallory-pass' } };
  await post('setup.init', setup, { mode: 'no-cors', headers: { 'Content-Type': 'text/plain' } });
  await post('setup.init', setup, { headers: { 'Content-Type': 'application/json' } });
  for (let i = 0; i < 7; i++) {
    await post('auth.login', { username: 'officer1', password: 'guess-' + i }, { mode: 'no-cors', headers: { 'Content-Type': 'text/plain' } });
    await post('auth.login', { username: 'officer1', password: 'guess-' + i }, { headers: { 'Content-Type': 'application/json' } });
  }
  document.getElementById('f').submit();
  await new Promise((r) => setTimeout(r, 500));
  document.title = 'done';
})();
</script></body>`;
}

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  foreign = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(attackPage(host.url));
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
});
test.afterAll(async () => {
  await host?.stop();
  await new Promise((resolve) => foreign?.close(resolve));
});

async function visitAttack(page: import('@playwright/test').Page) {
  await page.goto(foreignUrl);
  await expect(page).toHaveTitle('done', { timeout: 30_000 });
}

test('a page from another origin cannot set up a fresh station, nor end the host', async ({ page }) => {
  await visitAttack(page);
  expect(await api('setup.status', {})).toEqual({ needsSetup: true, station: null });
  const home = await fetch(host.url);
  expect(home.status).toBe(200);
});

test('a page from another origin cannot guess logins: the account stays open', async ({ page }) => {
  const { token } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'officer1', displayName: '执法一', role: 'officer', password: 'user-pass-1' }, token);
  await api('settings.update', { maxFailedLogins: 3 }, token);
  await visitAttack(page);
  // Stored state, read back through the API: the station is ours and the officer can log in (three guesses would have locked it).
  expect(await api('setup.status', {})).toMatchObject({ needsSetup: false, station: { code: 'CD01' } });
  expect((await api<{ user: { username: string } }>('auth.login', { username: 'officer1', password: 'user-pass-1' })).user.username).toBe('officer1');
  expect((await api<{ username: string }[]>('users.list', {}, token)).map((u) => u.username).sort()).toEqual(['admin', 'officer1']);
  const sessions = await api<{ username: string }[]>('sessions.list', {}, token);
  expect(sessions.map((s) => s.username).sort()).toEqual(['admin', 'officer1']);
});
