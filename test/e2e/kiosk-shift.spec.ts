import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, type HostProcess } from '../support/host-process.ts';
import { startKioskHost } from '../support/kiosk-e2e.ts';
import { hostApi, logIn } from '../support/e2e.ts';

/**
 * A shift at the kiosk: one operator, one page load, many trucks in a row of every kind, a lock and a
 * refresh in the middle; afterwards each record's stored check must be the one its report called for,
 * read back through the API and the CLI.
 */
test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-shift-'));
const dbPath = path.join(dir, 'checkpoint.db');
let host: HostProcess;
const api = hostApi(() => host.url);
let adminToken = '';

test.beforeAll(async () => {
  ({ host, adminToken } = await startKioskHost(dir));
});
test.afterAll(async () => {
  await host?.stop();
});

type ReportKind = 'pass' | 'fail' | 'incomplete' | 'none';
interface Truck {
  plate: string;
  report: ReportKind;
  grossKg: number;
  tareKg: number;
}

/** Beijing calendar date `daysAgo` days back, as the report's dates are written. */
function beijingDate(daysAgo: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}
const PASSING: Record<string, string> = { Mt: '5', M: '1', A: '10', V: '7', St: '0.3', Qnet: '27' };
const VALUES: Record<Exclude<ReportKind, 'none'>, Record<string, string>> = {
  pass: PASSING,
  // Over the national floor (A,d ≤ 40 %, St,d ≤ 3 %): a fail under any policy table.
  fail: { ...PASSING, A: '45', St: '3.5' },
  // Sulphur not reported: the check cannot judge it.
  incomplete: { ...PASSING, St: '' },
};
const EXPECTED: Record<ReportKind, { verdict: string; outcome: string }> = {
  pass: { verdict: 'pass', outcome: 'release' },
  fail: { verdict: 'fail', outcome: 'seize' },
  incomplete: { verdict: 'incomplete', outcome: 'sample' },
  none: { verdict: 'incomplete', outcome: 'seize' },
};

async function typeTruck(page: Page, truck: Truck, n: number) {
  await page.getByTestId('plate').fill(truck.plate);
  await page.getByTestId('driverName').fill(`司机${n}`);
  await page.getByTestId('driverIdNumber').fill('11010519491231002X');
  await page.getByTestId('driverPhone').fill('13912345678');
  await page.getByTestId('origin').fill('山西大同');
  await page.getByTestId('destination').fill('河北承德');
  await page.getByTestId('grossKg').fill(String(truck.grossKg));
  await page.getByTestId('tareKg').fill(String(truck.tareKg));
  await page.getByTestId('declaredKg').fill(String(truck.grossKg - truck.tareKg));
  await page.getByTestId('manualReason').fill('地磅检修');
  const panel = page.getByTestId('certificate-panel');
  if (truck.report === 'none') {
    await panel.getByTestId('no-report').click();
    return;
  }
  await panel.getByTestId('cert-reportNumber').fill(`JC-${n}`);
  await panel.getByTestId('cert-lab').fill('河北省煤炭产品质量监督检验站');
  await panel.getByTestId('cert-cmaNumber').fill('201712345678');
  await panel.getByTestId('cert-sampledOn').fill(beijingDate(3));
  await panel.getByTestId('cert-reportedOn').fill(beijingDate(2));
  for (const [item, value] of Object.entries(VALUES[truck.report])) {
    await panel.locator(`[data-testid^="result-value-${item}-"]`).fill(value);
  }
}

/** Saves with F9 and returns the record number shown; the form must then be back at its defaults. */
async function saveTruck(page: Page, truck: Truck): Promise<string> {
  await page.keyboard.press('F9');
  const saved = page.getByTestId('saved');
  await expect(saved).toHaveAttribute('data-outcome', EXPECTED[truck.report].outcome, { timeout: 20_000 });
  const recordNumber = /CD-\d{8}-\d{4}/.exec((await saved.textContent()) ?? '')![0];
  await expect(page.getByTestId('plate')).toHaveValue('');
  await expect(page.getByTestId('cert-reportNumber')).toHaveValue('');
  // The derived defaults are back too: the coal rank of the default coal kind, and no verdict before a report choice.
  await expect(page.getByTestId('cert-coalRank')).toContainText('无烟煤');
  await expect(page.getByTestId('certificate-preview')).toHaveAttribute('data-state', 'undecided');
  await expect(page.getByTestId('certificate-banner')).toHaveCount(0);
  return recordNumber;
}

test('one operator registers a shift of trucks; every stored check is the expected one', async ({ page }) => {
  // About a minute on an idle machine; the margin is for a loaded build machine.
  test.setTimeout(900_000);
  const kinds: ReportKind[] = ['pass', 'none', 'fail', 'incomplete'];
  // Five of each kind; the lock (at the 9th) and the refresh (at the 17th) both fall mid-shift, with trucks after them.
  const trucks: Truck[] = Array.from({ length: 20 }, (_, i) => ({
    plate: `冀A${String(10_000 + i)}`, report: kinds[i % kinds.length]!, grossKg: 40_000 + i * 37, tareKg: 15_000 + i,
  }));
  const stored = new Map<string, ReportKind>();
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await expect(page.getByTestId('plate')).toBeFocused({ timeout: 20_000 });
  // An empty form shows no verdict at all (no red 查扣 before anything is known).
  await expect(page.getByTestId('certificate-banner')).toHaveCount(0);

  for (const [i, truck] of trucks.entries()) {
    await typeTruck(page, truck, i);
    if (i === 8) {
      // Locked mid-truck: F9 saves nothing, a wrong password keeps the lock and the form, the right one unlocks.
      await page.getByRole('button', { name: /锁\s?屏/ }).click();
      await page.keyboard.press('F9');
      const password = page.locator('.ant-modal input[type="password"]');
      await password.fill('wrong-password');
      await page.getByRole('button', { name: /解\s?锁/ }).click();
      await expect(page.getByText('用户名或密码错误')).toBeVisible();
      await expect(page.getByText('屏幕已锁定，请重新输入密码')).toBeVisible();
      await password.fill('kiosk-pass-1');
      await page.getByRole('button', { name: /解\s?锁/ }).click();
      await expect(page.getByText('屏幕已锁定，请重新输入密码')).toBeHidden();
      await expect(page.getByTestId('plate')).toHaveValue(truck.plate);
      expect((await api<{ rows: unknown[] }>('registrations.search', { pageSize: 200 }, adminToken)).rows).toHaveLength(i);
    }
    if (i === 16) {
      // A refresh mid-truck keeps the session and the draft.
      await page.reload();
      await expect(page.getByText('运煤车辆登记')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('plate')).toHaveValue(truck.plate);
      await expect(page.getByTestId('grossKg')).toHaveValue(String(truck.grossKg));
    }
    stored.set(await saveTruck(page, truck), truck.report);
  }

  // The same plate again a moment later: a warning naming the earlier record, saved once confirmed.
  const repeat: Truck = { ...trucks[0]!, report: 'pass' };
  await typeTruck(page, repeat, 99);
  await page.keyboard.press('F9');
  await expect(page.getByRole('dialog')).toContainText(/冀A·?10000 已于 30 分钟内登记/, { timeout: 20_000 });
  await page.getByTestId('confirm-repeat').click();
  stored.set(await saveTruck(page, repeat), 'pass');

  // Refused without a report choice, with the list of what is missing; the form keeps what was typed.
  await page.getByTestId('plate').fill('冀B20000');
  await page.keyboard.press('F9');
  const missing = page.getByTestId('missing-list');
  await expect(missing).toContainText('请填写驾驶员姓名', { timeout: 20_000 });
  await expect(missing).toContainText('请填写毛重');
  await expect(missing).toContainText('未提供检验检测报告');
  await expect(missing).not.toContainText('数据类型错误');
  await expect(page.getByTestId('plate')).toHaveValue('冀B20000');

  // Read back: every record's stored check, through the API and through the CLI.
  const rows = (await api<{ rows: { recordNumber: string; check: { verdict: string; outcome: string } | null; operatorName: string }[] }>(
    'registrations.search', { pageSize: 200 }, adminToken)).rows;
  expect(rows).toHaveLength(stored.size);
  for (const row of rows) {
    expect(row.check, row.recordNumber).toEqual(EXPECTED[stored.get(row.recordNumber)!]);
    expect(row.operatorName).toBe('王芳');
  }
  const cli = JSON.parse(execFileSync(process.execPath, [cliPath, 'registrations', 'list', '--json', '--limit', '200', '--db', dbPath, '--user', 'kiosk1', '--password-stdin'], { encoding: 'utf8', input: 'kiosk-pass-1\n' })) as
    { recordNumber: string; check: { verdict: string; outcome: string } | null }[];
  expect(new Map(cli.map((r) => [r.recordNumber, r.check]))).toEqual(new Map([...stored].map(([n, kind]) => [n, EXPECTED[kind]])));
});
