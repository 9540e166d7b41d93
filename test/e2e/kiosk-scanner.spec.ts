import { test, expect, type CDPSession, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HostProcess } from '../support/host-process.ts';
import { logIn } from '../support/e2e.ts';
import { startKioskHost } from '../support/kiosk-e2e.ts';

/**
 * Keyboard-wedge scanner timing: a scanner "types" its code 5–20 ms a key and ends it with Enter. Whatever
 * field has the focus, the scan must land where its shape says (report number → the report panel, plate →
 * the plate field), and the focused field must keep what it had. Keys are sent with explicit event times,
 * so the spacing is exact however busy the machine is; a person's 120 ms typing is the control.
 */
test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-scan-'));
let host: HostProcess;

test.beforeAll(async () => {
  ({ host } = await startKioskHost(dir));
});
test.afterAll(async () => {
  await host?.stop();
});

/** Types `text` then Enter through the browser's input pipeline, key events `msPerKey` apart by their own clock. */
async function scan(cdp: CDPSession, text: string, msPerKey: number) {
  const t0 = Date.now() / 1000;
  const keys = [...text];
  for (const [i, ch] of keys.entries()) {
    const timestamp = t0 + (i * msPerKey) / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch, timestamp });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: timestamp + 0.001 });
  }
  const end = t0 + (keys.length * msPerKey) / 1000;
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', timestamp: end });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, timestamp: end + 0.001 });
}

const FIELDS = ['plate', 'trailerPlate', 'driverName', 'origin', 'cert-reportNumber', 'cert-cmaNumber', 'manualReason'] as const;
const field = (page: Page, id: string) => page.getByTestId(id);

test('scans at 5, 10 and 20 ms a key reach the right field from every field', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await expect(field(page, 'plate')).toBeFocused({ timeout: 20_000 });
  const cdp = await page.context().newCDPSession(page);
  let n = 0;
  for (const ms of [5, 10, 20]) {
    for (const id of FIELDS) {
      n++;
      const reportNumber = `JC2026${String(n).padStart(4, '0')}`;
      const before = await field(page, id).inputValue();
      await field(page, id).focus();
      await scan(cdp, reportNumber, ms);
      await expect(field(page, 'cert-reportNumber'), `${reportNumber} at ${ms} ms from ${id}`).toHaveValue(reportNumber);
      if (id !== 'cert-reportNumber') await expect(field(page, id), `${id} keeps its text`).toHaveValue(before);

      const plate = `冀A${String(50_000 + n)}`;
      const focusedBefore = await field(page, id === 'plate' ? 'driverName' : id).inputValue();
      await field(page, id === 'plate' ? 'driverName' : id).focus();
      await scan(cdp, plate, ms);
      await expect(field(page, 'plate'), `${plate} at ${ms} ms from ${id}`).toHaveValue(plate);
      if (id !== 'plate' && id !== 'cert-reportNumber') await expect(field(page, id)).toHaveValue(focusedBefore);
    }
  }
  // The control: a person typing 120 ms a key is not a scan; the text stays where it was typed.
  await field(page, 'driverName').fill('');
  await field(page, 'driverName').focus();
  await scan(cdp, 'ZHANGSAN', 120);
  await expect(field(page, 'driverName')).toHaveValue('ZHANGSAN');
  await expect(field(page, 'cert-reportNumber')).not.toHaveValue('ZHANGSAN');
});
