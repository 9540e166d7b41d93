import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import { autoCaptureOn, grossCaptured, KioskOperator, reportQr, saveWithF9 } from '../support/kiosk-actions.ts';
import { NEW_DRIVER, passingReport, RETURNING, seedKioskHistory } from '../support/kiosk-history.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-kiosk-actions-'));
let host: HostProcess;
const api = hostApi(() => host.url);
let kiosk: string;

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  kiosk = await seedKioskHistory(api);
});
test.afterAll(async () => {
  await host?.stop();
});

interface StoredCheck { outcome: string; result: { verdict: string }; report: { lab: string; cmaNumber?: string } | null }
const storedCheck = async (registrationId: number) =>
  (await api<{ current: StoredCheck | null }>('certificates.forRegistration', { registrationId }, kiosk)).current;
const stored = async (id: number) => (await api<Record<string, unknown>[]>('registrations.get', { id }, kiosk)).at(-1)!;

test('a compliant returning truck takes three actions: card, report code, F9; a new truck takes at most twelve', async ({ page }) => {
  test.setTimeout(240_000);
  const op = new KioskOperator(page);
  await op.installDevices();
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await expect(page.getByText('运煤车辆登记')).toBeVisible();
  await autoCaptureOn(page);

  // Returning truck: the driver's card finds the truck he came with last, which fills in the rest.
  op.nextTruck();
  op.swipe(RETURNING.driver);
  await expect(page.getByTestId('plate')).toHaveValue(RETURNING.plate);
  await expect(page.getByLabel('联系电话')).toHaveValue(RETURNING.phone);
  op.scan(reportQr(passingReport('JC-2026-1129-03')));
  await expect(page.getByTestId('cert-reportNumber')).toHaveValue('JC-2026-1129-03');
  await expect(page.getByTestId('cert-cmaNumber')).toHaveValue('201712345678');
  const grossKg = await grossCaptured(page);
  await page.screenshot({ path: 'test-results/kiosk-returning-truck.png' });
  const returning = await saveWithF9(op);
  expect(op.log).toEqual([`swipe ${RETURNING.driver.name}`, 'scan', 'key F9']);
  expect(op.actions).toBeLessThanOrEqual(3);
  console.log(`returning truck: ${op.actions} actions, form ready ${returning.formReadyMs} ms after save`);

  const reg = await stored(returning.registrationId);
  expect(reg).toMatchObject({
    plate: RETURNING.plate, driverName: RETURNING.driver.name, driverPhone: RETURNING.phone, origin: RETURNING.origin,
    destination: RETURNING.destination, carrier: RETURNING.carrier, consignee: RETURNING.consignee, tareKg: RETURNING.tareKg,
    declaredKg: RETURNING.declaredKg, grossKg, weightSource: 'scale', hasContract: true, hasReport: true, reportNumber: 'JC-2026-1129-03',
  });
  await expect.poll(async () => (await storedCheck(returning.registrationId))?.outcome).toBe('release');
  const check = (await storedCheck(returning.registrationId))!;
  expect(check.result.verdict).toBe('pass');
  expect(check.report).toMatchObject({ lab: '山西省煤炭质量检测中心', cmaNumber: '201712345678' });

  // The weighing ticket, then a reprint of it.
  await page.getByTestId('ticket-print').click();
  await expect(page.getByText('过磅单已生成（原件）')).toBeVisible();
  await page.getByTestId('ticket-print').click();
  await expect(page.getByText('过磅单已生成：补打第 1 次')).toBeVisible();

  // New truck: province from the picker, the rest typed in Latin letters and digits: no input method.
  op.nextTruck();
  await op.click(page.getByRole('button', { name: '选择省份简称' }).first(), 'province picker');
  await op.click(page.locator('[data-char="冀"]').first(), '冀');
  await expect(page.getByTestId('plate')).toBeFocused();
  await op.type('C24680', 'plate');
  op.swipe(NEW_DRIVER);
  await expect(page.getByLabel('驾驶员姓名')).toHaveValue(NEW_DRIVER.name);
  await expect(page.getByLabel('联系电话')).toBeFocused();
  await op.type('13800001111', 'phone');
  await op.type('sxdt', 'origin (pinyin initials)', 2);
  await op.type('cdsq', 'destination (pinyin initials)', 2);
  const newGrossKg = await grossCaptured(page);
  await op.click(page.getByTestId('tareKg'), 'tare');
  await op.type('15200', 'tare');
  await op.type('30000', 'declared weight', 2);
  await expect(page.getByLabel('煤炭来源（矿/销售方及地点）')).toHaveValue('山西大同');
  op.scan(reportQr(passingReport('JC-2026-1129-04')));
  await expect(page.getByTestId('cert-reportNumber')).toHaveValue('JC-2026-1129-04');
  await page.screenshot({ path: 'test-results/kiosk-new-truck.png' });
  const fresh = await saveWithF9(op);
  console.log(`new truck: ${op.actions} actions (${op.log.join(', ')}), form ready ${fresh.formReadyMs} ms after save`);
  expect(op.actions).toBeLessThanOrEqual(12);
  expect(await stored(fresh.registrationId)).toMatchObject({
    plate: '冀C24680', driverName: NEW_DRIVER.name, driverIdNumber: NEW_DRIVER.idNumber, driverPhone: '13800001111', origin: '山西大同',
    destination: '河北承德双桥区', tareKg: 15_200, declaredKg: 30_000, grossKg: newGrossKg, weightSource: 'scale', reportNumber: 'JC-2026-1129-04',
  });
  await expect.poll(async () => (await storedCheck(fresh.registrationId))?.result.verdict).toBe('pass');

  // The new truck is in the register now: its plate alone fills it in next time.
  const v = await api<Record<string, unknown>>('vehicles.lookup', { plate: '冀C24680' }, kiosk);
  expect(v).toMatchObject({ driverPhone: '13800001111', origin: '山西大同', lastTareKg: 15_200, visits: 1 });
});
