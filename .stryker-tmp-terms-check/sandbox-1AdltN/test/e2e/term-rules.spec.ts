// @ts-nocheck
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-term-rules-'));
let host: HostProcess;
const api = hostApi(() => host.url);
let admin = '';

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  admin = (await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  })).token;
  await api('documentSettings.update', { agencyName: '承德市市场监督管理局', reviewGovernment: '承德市人民政府', court: '承德市双桥区人民法院' }, admin);
});
test.afterAll(async () => {
  await host?.stop();
});

test('the administrator sets the term rules: start day, warning days and pasted holidays', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '执法设置' }).click();
  const rules = page.getByTestId('term-rules');
  await expect(rules.getByText('延长不超过 30 日（法定，不可修改）', { exact: false })).toBeVisible();

  await rules.getByTestId('term-start-day').click();
  await page.getByTitle('决定当日起算').click();
  await rules.getByTestId('term-warn-days').fill('8');
  const holidays = rules.getByTestId('term-holidays').locator('input');
  // Several dates at once, in any order, one twice and one impossible: split into tags, sorted, de-duplicated.
  await holidays.fill('2026-10-03 2026-10-01，2026-10-01、2026-02-30,');
  await page.getByTestId('save-document-settings').click();
  await expect(rules.getByText('日期无效：2026-02-30')).toBeVisible();
  expect((await api<{ termPolicy: { startDayRule: string } }>('documentSettings.get', {}, admin)).termPolicy.startDayRule).toBe('next-day');
  await page.screenshot({ path: 'test-results/term-rules-invalid.png' });

  await rules.locator('.ant-select-selection-item', { hasText: '2026-02-30' }).locator('.ant-select-selection-item-remove').click();
  await holidays.fill('2026-10-02 ');
  await page.getByTestId('save-document-settings').click();
  await expect(page.getByText('文书设置已保存')).toBeVisible();
  expect((await api<{ termPolicy: unknown }>('documentSettings.get', {}, admin)).termPolicy).toEqual({
    startDayRule: 'same-day', warnWithinDays: 8, statutoryHolidays: ['2026-10-01', '2026-10-02', '2026-10-03'],
  });
  await page.screenshot({ path: 'test-results/term-rules.png' });
});
