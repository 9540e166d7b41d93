import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import { validRegistration } from '../support/app-fixture.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-backup-'));
const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-usb-'));
let host: HostProcess;
const api = hostApi(() => host.url);

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  const admin = (await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  })).token;
  await api('users.create', { username: 'super1', displayName: '主管 王强', role: 'supervisor', password: 'user-pass-1' }, admin);
  for (let i = 1; i <= 3; i++) await api('registrations.create', validRegistration(i), admin);
});
test.afterAll(async () => {
  await host?.stop();
});

test('the administrator sets a target, backs up, sees the set verified; the dashboard shows its age', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '数据备份' }).click();
  await expect(page.getByTestId('backup-age')).toContainText('尚未做过经核验的备份');
  await page.getByLabel('备份位置').fill(usb);
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByTestId('backup-run').click();
  await expect(page.getByTestId('backup-age')).toContainText('最近一次有效备份：0 小时前');
  await expect(page.getByTestId('backup-sets').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('backup-sets')).toContainText('3');
  await page.getByRole('button', { name: '核 验' }).or(page.getByRole('button', { name: '核验' })).click();
  await expect(page.getByTestId('backup-check')).toContainText('核验通过');
  // The backup's own result entry is not a later record: the newest set restores without a warning.
  await expect(page.getByTestId('backup-check')).not.toContainText('当前数据库比此备份多');
  await page.screenshot({ path: 'test-results/backup-zh.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'English' }).click();
  await page.screenshot({ path: 'test-results/backup-en.png' });

  const supervisor = await (await browser.newContext()).newPage();
  await supervisor.setViewportSize({ width: 1366, height: 768 });
  await logIn(supervisor, host.url, 'super1', 'user-pass-1');
  await expect(supervisor.getByTestId('backup-age')).toContainText('最近一次有效备份：0 小时前', { timeout: 30_000 });
  await supervisor.screenshot({ path: 'test-results/backup-dashboard.png' });
});
