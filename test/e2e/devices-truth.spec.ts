/**
 * Issue 9 item 4, in Chromium against a real host process: an empty deck says 空磅, a standing truck is
 * captured without a click (auto-capture is on by default), and when the host dies the lamps turn red and
 * the weight greys within 3 s.
 */
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-devices-truth-'));
let host: HostProcess;
const api = hostApi(() => host.url);

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  const { token: admin } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'kiosk1', displayName: '登记员 王芳', role: 'kiosk', password: 'kiosk-pass-1' }, admin);
  await api('devices.setTraining', { training: true }, admin);
});
test.afterAll(async () => {
  // The test kills the host itself; stop() would wait for an exit that has already happened.
  if (host && host.child.exitCode === null && host.child.signalCode === null) await host.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('空磅 between trucks, auto-capture by default, red lamps and a grey weight within 3 s of the host dying', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  const light = page.getByTestId('stability-light');
  await expect(page.getByTestId('health-sim-scale')).toHaveAttribute('data-status', 'online', { timeout: 15_000 });
  await expect(page.getByTestId('auto-capture')).toHaveAttribute('aria-checked', 'true');

  // The simulated deck is empty for ~4 s of each ~24 s cycle.
  // Lamp and text come from one render: read them together, then photograph that moment.
  await expect(async () => {
    expect([await light.getAttribute('data-light'), await page.getByTestId('stability-text').textContent()]).toEqual(['empty', '空磅']);
  }).toPass({ timeout: 30_000, intervals: [100] });
  await page.screenshot({ path: 'test-results/kiosk-empty-scale.png' });

  // The next truck is captured into the gross weight without a click.
  await expect(page.getByTestId('grossKg')).not.toHaveValue('', { timeout: 40_000 });
  await expect(page.locator('.ant-select').filter({ hasText: '地磅采集' })).toBeVisible();
  const grossKg = Number((await page.getByTestId('grossKg').inputValue()).replace(/\D/g, ''));
  expect(grossKg).toBeGreaterThanOrEqual(30_000);
  await expect(page.getByTestId('live-weight')).toHaveAttribute('data-greyed', 'false');

  host.child.kill('SIGKILL');
  const killedAt = Date.now();
  await expect(light).toHaveAttribute('data-light', 'host-lost', { timeout: 3000 });
  await expect(page.getByTestId('health-sim-scale')).toHaveAttribute('data-status', 'host-lost', { timeout: 3000 });
  await expect(page.getByTestId('health-sim-idcard')).toHaveAttribute('data-status', 'host-lost', { timeout: 3000 });
  await expect(page.getByTestId('live-weight')).toHaveAttribute('data-greyed', 'true', { timeout: 3000 });
  expect(Date.now() - killedAt).toBeLessThan(3000);
  await expect(page.getByTestId('stability-text')).toHaveText('主机连接中断');
  await expect(page.getByTestId('capture-gross')).toBeDisabled();
  await page.screenshot({ path: 'test-results/kiosk-host-lost.png' });
});
