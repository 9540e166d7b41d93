import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import { validRegistration } from '../support/app-fixture.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-archive-'));
const dbPath = path.join(dir, 'checkpoint.db');
const SHARED = 'ZJ-2026-7001';
let host: HostProcess;
const api = hostApi(() => host.url);
const sharing: { recordNumber: string; plate: string }[] = [];

test.beforeAll(async () => {
  host = await startHostProcess(dbPath);
  const { token } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'kiosk1', displayName: '登记员 李娜', role: 'kiosk', password: 'kiosk-pass-1' }, token);
  // Three trucks from two origins share one report; a fourth brings its own.
  const origins = ['山西大同', '内蒙古鄂尔多斯', '山西大同'];
  for (let i = 0; i < 4; i++) {
    const reportNumber = i < 3 ? SHARED : 'ZJ-2026-7002';
    const reg = await api<{ id: number; recordNumber: string; plate: string }>('registrations.create', {
      ...validRegistration(i + 1), hasReport: true, reportNumber, origin: origins[i] ?? '陕西榆林',
    }, token);
    if (i < 3) sharing.push(reg);
    await api('certificates.check', {
      registrationId: reg.id,
      report: {
        reportNumber, lab: '大同市煤质检验有限公司', cmaNumber: '201812000001', sampleOrigin: 'lab', sampledOn: '2026-11-18', reportedOn: '2026-11-20',
        coalRank: 'anthracite', tonnageCoveredKg: 60_000, results: [{ item: 'A', basis: 'ad', value: 11.5, unit: '%' }, { item: 'St', basis: 'ad', value: 0.35, unit: '%' }],
      },
    }, token);
  }
});
test.afterAll(async () => {
  await host?.stop();
});

test('the kiosk finds a report by a truck\'s plate and its page lists every truck that presented it', async ({ page }) => {
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await page.getByRole('menuitem', { name: '报告档案' }).click();
  const rows = page.getByTestId('report-archive').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: SHARED }).locator('[data-signal]')).not.toHaveCount(0);
  await page.screenshot({ path: 'test-results/report-archive.png' });

  await page.getByTestId('archive-search').locator('input').fill(sharing[1]!.plate);
  await page.getByTestId('archive-search').locator('input').press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(SHARED);
  // The kiosk may look, not export.
  await expect(page.getByTestId('archive-export')).toHaveCount(0);

  await page.getByTestId(`archive-open-${SHARED}`).click();
  const trucks = page.getByTestId('archive-trucks').locator('tbody tr.ant-table-row');
  await expect(trucks).toHaveCount(3);
  for (const t of sharing) await expect(page.getByTestId('archive-trucks')).toContainText(t.recordNumber);
  await expect(page.getByTestId('archive-signals')).toContainText('同一报告已累计使用');
  await expect(page.getByTestId('archive-signals')).toContainText('不同产地');
  await page.screenshot({ path: 'test-results/report-archive-entry.png', fullPage: true });
  await page.getByTestId('archive-back').click();
  await expect(page.getByTestId('report-archive')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('menuitem', { name: 'Report archive' })).toBeVisible();
  await page.screenshot({ path: 'test-results/report-archive-en.png' });
});
