/**
 * The two scripted trucks of the operator-action count, run by the end-to-end test (which then checks what
 * was stored) and by `npm run bench` (which prints the figures). The page must be logged in as a kiosk
 * operator on the host seeded by seedKioskHistory, with the operator's devices installed before loading.
 */
import { expect } from '@playwright/test';
import { autoCaptureOn, grossCaptured, reportQr, saveWithF9, type KioskOperator } from './kiosk-actions.ts';
import { NEW_DRIVER, passingReport, RETURNING } from './kiosk-history.ts';

export interface TruckRun {
  actions: number;
  log: string[];
  formReadyMs: number;
  registrationId: number;
  grossKg: number;
}

/** Card, report code, F9: the rest comes from the truck's last visit and the report's code; the weight is auto-captured. */
export async function returningTruck(op: KioskOperator, reportNumber: string): Promise<TruckRun> {
  const page = op.page;
  await autoCaptureOn(page);
  op.nextTruck();
  await op.swipe(RETURNING.driver);
  await expect(page.getByTestId('plate')).toHaveValue(RETURNING.plate);
  await expect(page.getByLabel('联系电话')).toHaveValue(RETURNING.phone);
  await op.scan(reportQr(passingReport(reportNumber)));
  await expect(page.getByTestId('cert-reportNumber')).toHaveValue(reportNumber);
  await expect(page.getByTestId('cert-cmaNumber')).toHaveValue('201712345678');
  const grossKg = await grossCaptured(page);
  const saved = await saveWithF9(op);
  return { actions: op.actions, log: [...op.log], formReadyMs: saved.formReadyMs, registrationId: saved.registrationId, grossKg };
}

/**
 * A truck never seen: province from the picker, the plate's letters and digits typed, the driver from the card,
 * the phone typed, origin and destination by pinyin initials, tare and declared weight typed, the report scanned.
 */
export async function newTruck(op: KioskOperator, reportNumber: string): Promise<TruckRun> {
  const page = op.page;
  await autoCaptureOn(page);
  op.nextTruck();
  await op.click(page.getByRole('button', { name: '选择省份简称' }).first(), 'province picker');
  await op.click(page.locator('[data-char="冀"]').first(), '冀');
  await expect(page.getByTestId('plate')).toBeFocused();
  await op.type('C24680', 'plate');
  await op.swipe(NEW_DRIVER);
  await expect(page.getByLabel('驾驶员姓名')).toHaveValue(NEW_DRIVER.name);
  await expect(page.getByLabel('联系电话')).toBeFocused();
  await op.type('13800001111', 'phone');
  await op.type('sxdt', 'origin (pinyin initials)', 2);
  await op.type('cdsq', 'destination (pinyin initials)', 1);
  // Tare and declared weight come after the capture: until then the form asks for a manual weight's reason.
  const grossKg = await grossCaptured(page);
  await op.click(page.getByTestId('tareKg'), 'tare');
  await op.type('15200', 'tare');
  await op.type('30000', 'declared weight', 2);
  await expect(page.getByLabel('煤炭来源（矿/销售方及地点）')).toHaveValue('山西大同');
  await op.scan(reportQr(passingReport(reportNumber)));
  await expect(page.getByTestId('cert-reportNumber')).toHaveValue(reportNumber);
  const saved = await saveWithF9(op);
  return { actions: op.actions, log: [...op.log], formReadyMs: saved.formReadyMs, registrationId: saved.registrationId, grossKg };
}
