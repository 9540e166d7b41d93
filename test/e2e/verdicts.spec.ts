import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import { validRegistration } from '../support/app-fixture.ts';

// A civil briquette checked against the empty GB 34170 table: 人工核验 on screen, decided by an officer; the
// administrators' warning names the empty grades. At the checkpoint's 1366×768.
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Shanghai' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-verdicts-'));
let host: HostProcess;
const api = hostApi(() => host.url);

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  const { token } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  for (const [username, role] of [['kiosk1', 'kiosk'], ['officer1', 'officer'], ['super1', 'supervisor']] as const) {
    await api('users.create', { username, displayName: username, role, password: 'user-pass-1', ...(role === 'officer' ? { credentialNumber: '13080020001' } : {}) }, token);
  }
  const kiosk = (await api<{ token: string }>('auth.login', { username: 'kiosk1', password: 'user-pass-1' })).token;
  const reg = await api<{ id: number }>('registrations.create', {
    ...validRegistration(7), coalKind: 'clean-briquette', intendedUse: 'civil', destinationInHebei: true, hasReport: true, reportNumber: 'JC-2026-1128-31',
  }, kiosk);
  await api('certificates.check', {
    registrationId: reg.id,
    report: {
      reportNumber: 'JC-2026-1128-31', lab: '某某检测有限公司', cmaNumber: '201712345678', sampleOrigin: 'lab', sampledOn: '2026-11-20',
      reportedOn: '2026-11-22', coalRank: 'anthracite',
      results: [
        { item: 'M', basis: 'ad', value: 1.2, unit: '%' }, { item: 'Mt', basis: 'ar', value: 6, unit: '%' },
        { item: 'A', basis: 'd', value: 30, unit: '%' }, { item: 'St', basis: 'd', value: 1.5, unit: '%' },
      ],
    },
  }, kiosk);
});
test.afterAll(async () => {
  await host?.stop();
});

test('the standards screen and the dashboard name each grade without ash or sulfur limits', async ({ page }) => {
  fs.mkdirSync('test-results/verdicts', { recursive: true });
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '标准与限值', exact: true }).click();
  const warning = page.getByTestId('empty-grades');
  await expect(warning).toContainText('GB 34170 型煤1号、GB 34170 蜂窝煤1号、DB13/2081 非发电用煤');
  await page.screenshot({ path: 'test-results/verdicts/standards.png' });
  await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '统计报表', exact: true }).click();
  await expect(page.getByTestId('empty-grades')).toBeVisible();
  await page.screenshot({ path: 'test-results/verdicts/dashboard.png' });
});

test('an officer records the 人工核验 decision with a reason', async ({ page }) => {
  await logIn(page, host.url, 'officer1', 'user-pass-1');
  await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '登记台账', exact: true }).click();
  await page.locator('main tbody tr.ant-table-row').first().dblclick();
  const record = page.getByTestId('certificate-record');
  await expect(record.getByTestId('certificate-banner')).toHaveAttribute('data-outcome', 'review');
  await expect(record.getByTestId('standard-not-loaded')).toBeVisible();
  await expect(record.getByTestId('certificate-items')).toContainText('未核验（限值未载入）');
  await page.screenshot({ path: 'test-results/verdicts/review-pending.png' });
  await record.getByTestId('review').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '抽检' }).click();
  await dialog.getByTestId('override-reason').fill('型煤标准限值未载入，抽样送检');
  await page.locator('#override-save').click();
  await expect(record.getByTestId('review-note')).toContainText('决定抽检：型煤标准限值未载入，抽样送检');
  await expect(record.getByTestId('certificate-banner')).toHaveAttribute('data-outcome', 'sample');
  await page.screenshot({ path: 'test-results/verdicts/review-decided.png' });
});
