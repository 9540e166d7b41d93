import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import type { Registration, RegistrationCertificates, RegistrationPage } from '../../src-shared/contract/index.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-certificate-'));
const dbPath = path.join(dir, 'checkpoint.db');
let host: HostProcess;
const api = hostApi(() => host.url);


test.beforeAll(async () => {
  host = await startHostProcess(dbPath);
  const { token } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'kiosk1', displayName: '登记员 王芳', role: 'kiosk', password: 'kiosk-pass-1' }, token);
});
test.afterAll(async () => {
  await host?.stop();
});

test('a failing report typed at the kiosk shows red with the reasons, and is stored with the registration', async ({ page }) => {
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await page.getByTestId('plate').fill('A12345');
  await page.getByRole('button', { name: '选择省份简称' }).first().click();
  await page.locator('[data-char="冀"]').first().click();
  await page.getByLabel('驾驶员姓名').fill('郝建国');
  await page.getByLabel('身份证号码').fill('11010519491231002X');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('煤炭来源（矿/销售方及地点）').fill('陕西府谷');
  await page.getByLabel('目的地', { exact: true }).fill('河北承德双桥区');
  await page.getByTestId('grossKg').fill('49000');
  await page.getByTestId('tareKg').fill('16520');
  await page.getByLabel('手工录入原因').fill('地磅未接入');
  await page.getByLabel('运单申报重量（kg）').fill('32000');

  const panel = page.getByTestId('certificate-panel');
  // The panel's report number is the registration's report number (read back from the store below).
  await panel.getByTestId('cert-reportNumber').fill('JC-2026-1128-07');
  await panel.getByTestId('cert-lab').fill('某某检测有限公司');
  await panel.getByTestId('cert-cmaNumber').fill('201712345678');
  await panel.getByTestId('cert-sampledOn').fill('2026-11-20');
  await panel.getByTestId('cert-reportedOn').fill('2026-11-22');
  await expect(panel.getByText('填写报告编号')).toHaveCount(0);
  for (const [item, value] of [['Mt', '6.0'], ['M', '1.20'], ['A', '25.00'], ['V', '8.40'], ['St', '0.35'], ['Qnet', '26.28']] as const) {
    await panel.locator(`[data-testid^="result-value-${item}-"]`).fill(value);
  }
  const banner = panel.getByTestId('certificate-banner');
  await expect(banner).toHaveAttribute('data-outcome', 'seize');
  await expect(banner).toContainText('查扣');
  await expect(banner).toContainText('不合格');
  await expect(banner).toContainText('限值待核对');
  const reasons = panel.getByTestId('certificate-reasons');
  await expect(reasons).toContainText('京津冀及周边地区散煤 第九条：灰分 A,d = 25.30 %，不符合 < 16.00 %');
  await expect(reasons).toContainText('GB 34169-2017 无烟1号 表1：灰分 A,d = 25.30 %，不符合 ≤ 12.00 %');
  await expect(panel.getByTestId('certificate-items')).toContainText('25.30 %');
  await page.getByTestId('certificate-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/kiosk-certificate-fail.png' });

  await page.getByTestId('save').click();
  // One save stores the truck and its report check: the banner names both.
  await expect(page.getByTestId('saved')).toContainText(/CD-\d{8}-0001，核验结果：查扣/);
  await expect(page.getByTestId('saved')).toHaveAttribute('data-outcome', 'seize');
  await expect(panel.getByTestId('cert-reportNumber')).toHaveValue('');

  // What was stored, read back: the registration carries the report number, its check the failing report.
  const { token } = await api<{ token: string }>('auth.login', { username: 'kiosk1', password: 'kiosk-pass-1' });
  const rows = (await api<RegistrationPage>('registrations.search', { query: '冀A12345' }, token)).rows;
  expect(rows).toHaveLength(1);
  const stored: Registration = rows[0]!;
  expect(stored.reportNumber).toBe('JC-2026-1128-07');
  expect(stored.check).toEqual({ verdict: 'fail', outcome: 'seize' });
  const { current } = await api<RegistrationCertificates>('certificates.forRegistration', { registrationId: stored.id }, token);
  expect(current?.report?.reportNumber).toBe('JC-2026-1128-07');
  expect(current?.report?.lab).toBe('某某检测有限公司');
  expect(current?.result.verdict).toBe('fail');
  expect(current?.outcome).toBe('seize');

  await page.getByRole('menuitem', { name: '登记台账' }).click();
  await page.getByRole('button', { name: '查 看' }).or(page.getByRole('button', { name: '查看' })).first().click();
  const record = page.getByTestId('certificate-record');
  await expect(record.getByTestId('certificate-banner')).toHaveAttribute('data-outcome', 'seize');
  await expect(record).toContainText('limits-2026.1-provisional');
  await page.waitForTimeout(400); // the drawer slides in
  await page.screenshot({ path: 'test-results/ledger-certificate.png' });
});

test('a scanned JSON report fills the panel', async ({ page }) => {
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  const panel = page.getByTestId('certificate-panel');
  const json = JSON.stringify({
    reportNumber: 'JC-2026-1128-08', lab: '某某检测有限公司', cmaNumber: '201712345678', sampleOrigin: 'lab', sampledOn: '2026-11-20',
    reportedOn: '2026-11-22', coalRank: 'anthracite', results: [{ item: 'A', basis: 'ad', value: 11.5, unit: '%' }, { item: 'M', basis: 'ad', value: 1.2, unit: '%' }],
  });
  // A keyboard-wedge scanner types the text, then Enter.
  await panel.getByTestId('cert-reportNumber').pressSequentially(json, { delay: 0 });
  await panel.getByTestId('cert-reportNumber').press('Enter');
  await expect(panel.getByTestId('cert-reportNumber')).toHaveValue('JC-2026-1128-08');
  await expect(panel.getByTestId('cert-sampledOn')).toHaveValue('2026-11-20');
  await expect(panel.locator('[data-testid^="result-value-A-"]')).toHaveValue('11.5');
  await expect(panel.getByTestId('certificate-banner')).toBeVisible();
  await expect(page.getByTestId('saved')).toHaveCount(0);
});

test('the admin adds a lab and imports a limits table after seeing what changes', async ({ page }) => {
  const shipped = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../data/standards/limits.json'), 'utf8')) as {
    version: string; rows: { grade: string; item: string; limit: number | null }[];
  };
  const stricter = { ...shipped, version: 'limits-2026.2', rows: shipped.rows.map((r) => (r.grade === '京津冀及周边地区散煤' && r.item === 'A' ? { ...r, limit: 10 } : r)) };
  const file = path.join(dir, 'limits-2026.2.json');
  fs.writeFileSync(file, JSON.stringify(stricter));

  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '标准与限值' }).click();
  await page.getByPlaceholder('检测机构').fill('河北省煤炭产品质量监督检验站');
  await page.getByPlaceholder('CMA证书编号').fill('201812000001');
  await page.getByRole('button', { name: '添加机构' }).click();
  await expect(page.getByRole('cell', { name: '河北省煤炭产品质量监督检验站' })).toBeVisible();

  await page.locator('[data-testid="limits"] input[type=file]').setInputFiles(file);
  const diff = page.getByTestId('limits-diff');
  await expect(diff).toContainText('新增 0 行，删除 0 行，修改 1 行');
  await expect(diff).toContainText('< 16 → < 10');
  await page.screenshot({ path: 'test-results/standards-limits-diff.png' });
  await page.getByTestId('limits-import').click();
  await expect(page.getByTestId('limits').getByRole('row', { name: /limits-2026\.2/ })).toContainText('现行');
});
