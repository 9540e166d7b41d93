import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cliPath, startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import { validRegistration } from '../support/app-fixture.ts';
import { openDatabase } from '../../db/open.ts';
import { insertWeighing } from '../../db/devices-repo.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-supervisor-'));
const dbPath = path.join(dir, 'checkpoint.db');
const TRUCKS = 12;
let host: HostProcess;
const api = hostApi(() => host.url);


test.beforeAll(async () => {
  host = await startHostProcess(dbPath);
  const { token } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  // The administrator signs in on the command line: their password first, then the new user's.
  execFileSync(process.execPath, [cliPath, 'users', 'add', '--db', dbPath, '--username', 'super1', '--name', '主管 周建华', '--role', 'supervisor', '--password-stdin', '--user', 'admin'], { input: 'admin-pass-1\nsuper-pass-1\n' });
  // Trucks registered now (this week), a few weighed by hand and a few off the designated route.
  // A weighbridge weight cites a captured weighing: write those straight into the database (the host shares it, WAL).
  const db = openDatabase(dbPath, { migrate: false });
  for (let i = 0; i < TRUCKS; i++) {
    // Every third truck delivers within 承德市 (not in transit); the rest are bound beyond it (过境).
    const { transit: _sample, ...sample } = validRegistration(i + 1);
    const bound = i % 3 === 1 ? { destination: '河北承德双桥区', destinationInHebei: true } : { destination: '北京密云区', destinationInHebei: false };
    const truck = { ...sample, ...bound, viaDesignatedRoute: i % 6 !== 0 };
    const scale = i % 4 !== 0;
    const weighingId = scale
      ? insertWeighing(db, { weightKg: truck.grossKg, frames: [], protocol: 'test', deviceId: null, deviceLabel: 'test', simulated: false, capturedAt: new Date().toISOString(), capturedBy: 1 })
      : undefined;
    await api('registrations.create', { ...truck, ...(scale ? { weightSource: 'scale', weighingId, manualReason: undefined } : {}) }, token);
  }
  db.close();
});
test.afterAll(async () => {
  await host?.stop();
});

test('a supervisor sees the dashboard, opens the records behind a figure and exports the week', async ({ page }) => {
  await logIn(page, host.url, 'super1', 'super-pass-1');
  await page.getByRole('menuitem', { name: '统计报表' }).click();
  const week = page.getByTestId('card-week');
  await expect(week).toContainText(String(TRUCKS));
  // The target's share is over the 8 transit trucks (6 by the designated route); all trucks beside it (10 of 12).
  await expect(week.getByTestId('card-week-route')).toContainText('75.0%');
  await expect(week.getByTestId('card-week-route')).toContainText('全部车辆 83.3%');
  await expect(page.getByTestId('chart-by-day').locator('canvas')).toBeVisible();
  await page.waitForTimeout(1200); // ECharts animates in
  await page.screenshot({ path: 'test-results/dashboard.png' });

  await week.getByText('过境车辆专用通道使用率').click();
  const drawer = page.getByTestId('records-drawer');
  await expect(drawer.locator('tbody tr.ant-table-row')).toHaveCount(2);
  await page.waitForTimeout(500); // let the drawer finish sliding in before the picture
  await page.screenshot({ path: 'test-results/dashboard-drill.png' });
  await drawer.getByRole('button', { name: 'Close' }).or(page.locator('.ant-drawer-close')).first().click();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-weekly').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^运煤车辆登记周报_CD01_\d{4}-W\d{2}\.xlsx$/);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('登记台账')!;
  expect(sheet.rowCount).toBe(1 + TRUCKS + 1);
  expect(sheet.getRow(TRUCKS + 2).getCell(2).value).toBe(`${TRUCKS} 辆`);
  expect(wb.getWorksheet('汇总')).toBeDefined();

  // The vehicle register of the same week: the trucks alone, on one sheet.
  const registering = page.waitForEvent('download');
  await page.getByTestId('export-register').click();
  const register = await registering;
  expect(register.suggestedFilename()).toMatch(/^运煤车辆信息登记台账_CD01_\d{4}-W\d{2}\.xlsx$/);
  const registerFile = path.join(dir, register.suggestedFilename());
  await register.saveAs(registerFile);
  const rb = new ExcelJS.Workbook();
  await rb.xlsx.readFile(registerFile);
  expect(rb.worksheets.map((w) => w.name)).toEqual(['登记台账']);
  expect(rb.getWorksheet('登记台账')!.rowCount).toBe(1 + TRUCKS + 1);
});
