import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDate } from '../../src-shared/domain/local-time.ts';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-first-run-'));
let host: HostProcess;
const api = hostApi(() => host.url);

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
});
test.afterAll(async () => {
  await host?.stop();
});

test('first-run set-up: errors in Chinese under their fields, never internal names; the password is asked twice', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('检查站名称').fill('承德市入市煤炭检查站');
  await page.getByLabel('检查站代码').fill('cd01');
  await expect(page.getByLabel('检查站代码')).toHaveValue('CD01');
  await page.getByLabel('管理员用户名').fill('管理员');
  await page.getByLabel('管理员姓名').fill('管理员');
  await page.getByLabel('管理员密码').fill('short');
  await page.getByLabel('再次输入密码').fill('other');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('用户名为 3–32 位字母、数字或 _ . -')).toBeVisible();
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await expect(page.getByText(/admin\.|username:|password:/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/first-run-errors.png' });
  expect((await api<{ needsSetup: boolean }>('setup.status', {})).needsSetup).toBe(true);

  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('管理员密码').fill('admin-pass-1');
  await page.getByLabel('再次输入密码').fill('admin-pass-1');
  // A wrong set-up code changes nothing; the one printed in the host's terminal sets the station up.
  await page.getByLabel('设置码').fill('wrong-code');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('设置码不正确')).toBeVisible({ timeout: 20_000 });
  expect((await api<{ needsSetup: boolean }>('setup.status', {})).needsSetup).toBe(true);
  expect(host.setupCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await page.getByLabel('设置码').fill(host.setupCode!.toLowerCase());
  await page.getByRole('button', { name: '完成设置' }).click();
  // Hashing the password (scrypt) takes a moment on a busy machine.
  await expect(page.getByRole('menuitem', { name: '用户管理' })).toBeVisible({ timeout: 20_000 });
  expect((await api<{ needsSetup: boolean }>('setup.status', {})).needsSetup).toBe(false);
});

test('each role lands on its own work: a supervisor on the dashboard, whose monthly export offers this month', async ({ page }) => {
  const { token } = await api<{ token: string }>('auth.login', { username: 'admin', password: 'admin-pass-1' });
  for (const [username, role] of [['super1', 'supervisor'], ['officer1', 'officer'], ['kiosk1', 'kiosk']] as const) {
    await api('users.create', { username, displayName: username, role, password: 'user-pass-1' }, token);
  }
  await logIn(page, host.url, 'super1', 'user-pass-1');
  await expect(page.getByRole('menuitem', { name: '统计报表' })).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByTestId('export-monthly')).toBeVisible();
  // The month picker next to the export shows the current month in Beijing time.
  await expect(page.locator('.ant-picker-input input').filter({ has: page.locator(`[value="${localDate(new Date()).slice(0, 7)}"]`) })
    .or(page.locator(`.ant-picker-input input[value="${localDate(new Date()).slice(0, 7)}"]`))).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();

  await logIn(page, host.url, 'officer1', 'user-pass-1');
  await expect(page.getByRole('menuitem', { name: '案件办理' })).toHaveClass(/ant-menu-item-selected/);
  await page.getByRole('button', { name: '退出登录' }).click();

  await logIn(page, host.url, 'kiosk1', 'user-pass-1');
  await expect(page.getByText('运煤车辆登记')).toBeVisible();
});
