import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import type { RegistrationPage } from '../../src-shared/contract/index.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-devices-'));
const dbPath = path.join(dir, 'checkpoint.db');
let host: HostProcess;
const api = hostApi(() => host.url);


test.beforeAll(async () => {
  host = await startHostProcess(dbPath);
  const { token: admin } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'kiosk1', displayName: '登记员 王芳', role: 'kiosk', password: 'kiosk-pass-1' }, admin);
  await api('devices.setTraining', { training: true }, admin);
});
test.afterAll(async () => {
  await host?.stop();
});

const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

test('training kiosk: the simulated weighbridge shows live, its stable weight is captured into the form and saved as training', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  // The first devices.live opens the simulators: allow for a loaded build machine.
  await expect(page.getByTestId('training-banner')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('health-sim-scale')).toHaveAttribute('data-status', 'online');

  // Auto-capture is on by default: a truck drives on (~24 s cycle) and its stable weight fills the gross, no click.
  await expect(page.getByTestId('auto-capture')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('grossKg')).not.toHaveValue('', { timeout: 45_000 });
  const grossKg = digits(await page.getByTestId('grossKg').inputValue());
  expect(grossKg).toBeGreaterThanOrEqual(30_000);
  expect(grossKg).toBeLessThanOrEqual(49_000);
  await expect(page.getByText(/已采集 [\d,]+ kg/).first()).toContainText(grossKg.toLocaleString('zh-CN'));
  await expect(page.locator('.ant-select').filter({ hasText: '地磅采集' })).toBeVisible();
  await expect(page.getByLabel('手工录入原因')).toHaveCount(0);
  await expect(page.getByTestId('live-weight')).toContainText('kg');
  await page.screenshot({ path: 'test-results/kiosk-live-weight.png' });

  // The simulated ID-card reader starts empty; its sample driver swipes a card about every 45 s.
  await expect(page.getByLabel('驾驶员姓名')).toHaveValue('张三', { timeout: 60_000 });
  await expect(page.getByLabel('身份证号码')).toHaveValue('110101198001010010');

  await page.getByTestId('plate').fill('冀H23456');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('煤炭来源（矿/销售方及地点）').fill('山西大同');
  await page.getByLabel('目的地', { exact: true }).fill('河北承德双桥区');
  await page.getByTestId('tareKg').fill('15000');
  await page.getByLabel('运单申报重量（kg）').fill(String(grossKg - 15000));
  // The truck presented no report: said explicitly, or the save is refused.
  await page.getByTestId('certificate-panel').getByTestId('no-report').click();
  await page.getByTestId('save').click();
  await expect(page.getByTestId('saved')).toContainText(/CD-\d{8}-0001/);

  // Read back: stored as training, with the captured weighing behind the gross.
  const { token } = await api<{ token: string }>('auth.login', { username: 'kiosk1', password: 'kiosk-pass-1' });
  const { rows } = await api<RegistrationPage>('registrations.search', { includeTraining: true }, token);
  expect(rows.map((r) => [r.plate, r.training, r.grossKg, r.weighingId !== null])).toEqual([['冀H23456', true, grossKg, true]]);

  // Training records stay out of the ledger unless asked for.
  await page.getByRole('menuitem', { name: '登记台账' }).click();
  await expect(page.getByText('暂无记录').or(page.getByText('No data'))).toBeVisible();
});

test('technician screen: simulated indicator bytes beside parsed frames, protocol detected from them', async ({ page }) => {
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '设备设置' }).click();
  await expect(page.getByTestId('training-switch')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('raw-hex')).not.toBeEmpty({ timeout: 5000 });
  await expect(page.getByTestId('parsed-frames').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await page.getByTestId('detect').click();
  await expect(page.getByTestId('detect-note')).toContainText('yaohua-a12e', { timeout: 10_000 });
  await page.screenshot({ path: 'test-results/devices-screen.png' });
});

test('technician sets the keyboard-wedge scanner; the kiosk then takes a slow, prefixed, Tab-ended burst as a scan', async ({ page, browser }) => {
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '设备设置' }).click();
  await expect(page.getByTestId('wedge-gap')).toHaveValue('30');
  await page.getByTestId('wedge-prefix').fill('#');
  await page.getByTestId('wedge-suffix').locator('input').fill('#');
  await page.getByTestId('wedge-save').click();
  await expect(page.getByText('前缀不能包含结束键字符')).toBeVisible();
  await page.getByTestId('wedge-suffix').locator('input').fill('Tab');
  await page.getByTestId('wedge-gap').fill('200');
  await page.getByTestId('wedge-save').click();
  await expect(page.getByText('扫码设置已保存')).toBeVisible();
  await expect(page.getByText('前缀不能包含结束键字符')).toHaveCount(0);

  // A HID POS scanner: addressed by HID path or vid:pid, no serial settings.
  await page.getByLabel('类型').click();
  await page.getByTitle('扫码枪（串口/HID）').click();
  await page.getByTestId('transport').click();
  await page.getByTitle('HID POS').click();
  await expect(page.getByText('HID 设备')).toBeVisible();
  await expect(page.getByLabel('波特率')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/devices-wedge-settings.png' });

  const kiosk = await browser.newPage();
  // The stored settings load with the screen: wait for them, not for a fixed time, on a loaded machine.
  const settingsLoaded = kiosk.waitForResponse((r) => r.url().endsWith('/api/devices.wedgeSettings'));
  await logIn(kiosk, host.url, 'kiosk1', 'kiosk-pass-1');
  await expect(kiosk.getByTestId('plate')).toBeVisible();
  await settingsLoaded;
  await kiosk.getByLabel('联系电话').click();
  // The scanner's keys 45 ms apart, timed by the page's own clock (Playwright's key presses go through the
  // browser protocol, whose gaps a loaded CI machine stretches past any setting): typing under the defaults
  // (30 ms), a scan under the stored 200 ms.
  await kiosk.evaluate(async (keys) => {
    for (const key of keys) {
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 45));
    }
  }, [...'#ZJ2026-00871', 'Tab']);
  await expect(kiosk.getByText('扫码：报告编号 ZJ2026-00871')).toBeVisible();
  await expect(kiosk.getByLabel('联系电话')).toHaveValue('');
  await kiosk.close();
});
