import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-accounts-'));
let host: HostProcess;
let admin: string;
const api = hostApi(() => host.url);

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  admin = (await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  })).token;
  for (const [username, role] of [['kiosk1', 'kiosk'], ['officer1', 'officer']] as const) {
    await api('users.create', { username, displayName: username, role, password: 'user-pass-1' }, admin);
  }
  await api('auth.login', { username: 'kiosk1', password: 'user-pass-1' });
});
test.afterAll(async () => {
  await host?.stop();
});

test('an administrator disables a user and resets a password from the users screen; the list of sessions follows', async ({ page }) => {
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect(page.getByTestId('end-session-kiosk1')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('disable-kiosk1').click();
  await page.getByRole('button', { name: '停 用' }).or(page.getByRole('button', { name: '停用' })).last().click();
  await expect(page.getByTestId('enable-kiosk1')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('end-session-kiosk1')).toHaveCount(0);
  await page.getByTestId('reset-officer1').click();
  await page.getByLabel('临时密码').fill('temp-pass-9');
  await page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('待改密码')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/users-zh.png' });
  await page.getByRole('button', { name: 'English' }).click();
  await page.screenshot({ path: 'test-results/users-en.png' });
  // Stored state through the API: kiosk1 disabled, officer1 must change, the last administrator untouched.
  const users = await api<{ username: string; active: boolean; mustChangePassword: boolean }[]>('users.list', {}, admin);
  expect(users.map((u) => [u.username, u.active, u.mustChangePassword])).toEqual([['admin', true, false], ['kiosk1', false, false], ['officer1', true, true]]);
});

test('after a reset the user must choose a new password before anything else', async ({ page }) => {
  await logIn(page, host.url, 'officer1', 'temp-pass-9');
  await expect(page.getByText('管理员已重置您的密码')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/must-change-zh.png' });
  await page.getByLabel('当前密码').fill('temp-pass-9');
  await page.getByLabel('新密码', { exact: true }).fill('mine-pass-22');
  await page.getByLabel('再次输入新密码').fill('mine-pass-22');
  await page.getByRole('button', { name: '保 存' }).or(page.getByRole('button', { name: '保存' })).click();
  await expect(page.getByRole('menuitem', { name: '案件办理' })).toBeVisible({ timeout: 20_000 });
  expect((await api<{ user: { mustChangePassword: boolean } }>('auth.login', { username: 'officer1', password: 'mine-pass-22' })).user.mustChangePassword).toBe(false);
});
