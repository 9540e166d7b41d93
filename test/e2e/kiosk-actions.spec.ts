import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import { KioskOperator } from '../support/kiosk-actions.ts';
import { NEW_DRIVER, RETURNING, seedKioskHistory } from '../support/kiosk-history.ts';
import { newTruck, returningTruck } from '../support/kiosk-scenario.ts';

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

  // Returning truck: the driver's card finds the truck he came with last, which fills in the rest.
  const returning = await returningTruck(op, 'JC-2026-1129-03');
  expect(returning.log).toEqual([`swipe ${RETURNING.driver.name}`, 'scan', 'key F9']);
  expect(returning.actions).toBeLessThanOrEqual(3);
  console.log(`returning truck: ${returning.actions} actions, form ready ${returning.formReadyMs} ms after save`);

  const reg = await stored(returning.registrationId);
  expect(reg).toMatchObject({
    plate: RETURNING.plate, driverName: RETURNING.driver.name, driverPhone: RETURNING.phone, origin: RETURNING.origin,
    destination: RETURNING.destination, carrier: RETURNING.carrier, consignee: RETURNING.consignee, tareKg: RETURNING.tareKg,
    declaredKg: RETURNING.declaredKg, grossKg: returning.grossKg, weightSource: 'scale', hasContract: true, hasReport: true, reportNumber: 'JC-2026-1129-03',
  });
  await expect.poll(async () => (await storedCheck(returning.registrationId))?.outcome).toBe('release');
  const check = (await storedCheck(returning.registrationId))!;
  expect(check.result.verdict).toBe('pass');
  expect(check.report).toMatchObject({ lab: '山西省煤炭质量检测中心', cmaNumber: '201712345678' });

  // The weighing ticket, then a reprint of it.
  await page.getByTestId('ticket-print').click();
  // The first ticket of a process loads the CJK font: allow for it on a busy machine.
  await expect(page.getByText('过磅单已生成（原件）')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('ticket-print').click();
  await expect(page.getByText('过磅单已生成：补打第 1 次')).toBeVisible({ timeout: 20_000 });

  // New truck: province from the picker, the rest typed in Latin letters and digits: no input method.
  const fresh = await newTruck(op, 'JC-2026-1129-04');
  await page.screenshot({ path: 'test-results/kiosk-new-truck-saved.png' });
  console.log(`new truck: ${fresh.actions} actions (${fresh.log.join(', ')}), form ready ${fresh.formReadyMs} ms after save`);
  expect(fresh.actions).toBeLessThanOrEqual(12);
  expect(await stored(fresh.registrationId)).toMatchObject({
    plate: '冀C24680', driverName: NEW_DRIVER.name, driverIdNumber: NEW_DRIVER.idNumber, driverPhone: '13800001111', origin: '山西大同',
    destination: '河北承德双桥区', tareKg: 15_200, declaredKg: 30_000, grossKg: fresh.grossKg, weightSource: 'scale', reportNumber: 'JC-2026-1129-04',
  });
  await expect.poll(async () => (await storedCheck(fresh.registrationId))?.result.verdict).toBe('pass');

  // The new truck is in the register now: its plate alone fills it in next time.
  const v = await api<Record<string, unknown>>('vehicles.lookup', { plate: '冀C24680' }, kiosk);
  expect(v).toMatchObject({ driverPhone: '13800001111', origin: '山西大同', lastTareKg: 15_200, visits: 1 });
});

test('an administrator corrects the pick lists; the kiosk offers what was added and no longer what was hidden', async ({ page }) => {
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  const lists = page.getByTestId('pick-lists');
  await lists.getByRole('tab', { name: '目的地' }).click();
  await lists.getByTestId('pick-new-destination').fill('河北承德平泉市');
  await lists.getByRole('button', { name: '添加' }).or(lists.getByRole('button', { name: '添 加' })).click();
  await expect(lists.getByRole('cell', { name: '河北承德平泉市' })).toBeVisible();
  await lists.getByRole('tab', { name: '煤炭来源' }).click();
  const datong = lists.getByRole('row').filter({ hasText: '山西大同' });
  await datong.getByRole('button', { name: '停用' }).or(datong.getByRole('button', { name: '停 用' })).click();
  await expect(datong.getByText('已停用')).toBeVisible();
  await page.screenshot({ path: 'test-results/pick-lists-admin.png' });

  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await page.getByLabel('目的地', { exact: true }).click();
  await page.keyboard.type('cdpq', { delay: 40 });
  await expect(page.locator('.ant-select-item-option').filter({ hasText: '河北承德平泉市' })).toBeVisible();
  await page.getByLabel('煤炭来源（矿/销售方及地点）').click();
  await page.keyboard.type('sxdt', { delay: 40 });
  await page.keyboard.press('Tab');
  // Nothing offered any more: the typed text stays, for the operator to see and correct.
  await expect(page.getByLabel('煤炭来源（矿/销售方及地点）')).toHaveValue('sxdt');
  const hidden = (await api<{ value: string; hidden: boolean }[]>('picklists.list', { kind: 'origin' }, kiosk)).map((e) => e.value);
  expect(hidden).not.toContain('山西大同');
});
