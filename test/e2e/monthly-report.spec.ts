import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import { validRegistration } from '../support/app-fixture.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-monthly-'));
const dbPath = path.join(dir, 'checkpoint.db');
let host: HostProcess;
const api = hostApi(() => host.url);

test.beforeAll(async () => {
  host = await startHostProcess(dbPath);
  const { token } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'super1', displayName: '周建华', role: 'supervisor', password: 'super-pass-1' }, token);
  // Weights typed in by hand: the hours without a weighbridge capture are raised as device gaps.
  for (let i = 0; i < 3; i++) await api('registrations.create', validRegistration(i + 1), token);
});
test.afterAll(async () => {
  await host?.stop();
});

test('a supervisor writes the monthly report, saves a draft, signs it off and sees it frozen', async ({ page }) => {
  await logIn(page, host.url, 'super1', 'super-pass-1');
  await page.getByRole('menuitem', { name: '统计报表' }).click();
  await expect(page.getByTestId('raised-problems')).toContainText('地磅数据缺失');
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'test-results/monthly-dashboard.png' });

  await page.getByTestId('write-monthly').click();
  const drawer = page.getByTestId('monthly-report-drawer');
  await expect(page.getByTestId('monthly-status')).toHaveText('尚未填写');
  await page.getByTestId('monthly-progress').fill('本月登记运煤车辆 3 辆，均为手工录入。');
  await page.getByTestId('monthly-problems').fill('地磅未接入，重量只能手工录入。');
  await page.getByTestId('monthly-save').click();
  await expect(page.getByTestId('monthly-status')).toHaveText('草稿（未签发）');
  await page.getByTestId('monthly-suggestions').fill('建议尽快接入地磅。');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/monthly-draft.png' });

  await page.getByTestId('monthly-sign-off').click();
  await page.getByRole('dialog').last().getByRole('button', { name: /签\s*发/ }).click();
  await expect(page.getByTestId('monthly-status')).toHaveText('已签发');
  // Frozen: the text is shown, no field to type in, no save or sign-off.
  await expect(page.getByTestId('monthly-suggestions')).toHaveText('建议尽快接入地磅。');
  await expect(drawer.locator('textarea')).toHaveCount(0);
  await expect(page.getByTestId('monthly-save')).toHaveCount(0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/monthly-signed.png' });

  const downloading = page.waitForEvent('download');
  await page.getByTestId('monthly-export-pdf').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^煤炭检查站工作月报_CD01_\d{4}-\d{2}\.pdf$/);
  const file = path.join(dir, 'monthly.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('建议尽快接入地磅。');
  expect(text).toContain('已签发');
});
