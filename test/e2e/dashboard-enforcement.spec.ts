import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { demoDatabase } from '../support/demo-template.ts';
import { logIn } from '../support/e2e.ts';
import { completeDraft } from '../integration/cases/helpers.ts';
import { openDatabase } from '../../db/open.ts';
import { getDisposalPointByCode } from '../../db/handovers-repo.ts';
import { CaseDraftInput } from '../../src-shared/contract/cases.ts';
import { listUsers } from '../../src-main/services/accounts/accounts.ts';
import { decideCase, openCase } from '../../src-main/services/cases/cases.ts';
import { DEMO_PASSWORD } from '../../src-main/demo/run-demo.ts';

test.describe.configure({ mode: 'serial' });
// The dashboard's dates are the browser's; a checkpoint's browser runs on Beijing time.
test.use({ timezoneId: 'Asia/Shanghai' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-dashboard-enforcement-'));
const DAY_MS = 86400_000;
let host: HostProcess;

test.beforeAll(async () => {
  // The demo works through the app as its users (sign-ins, captures from its scale): more than a test's minute on a busy machine.
  test.setTimeout(240_000);
  // The demo: registrations, one case in every state decided today, a handover received, a sale, a stock-take.
  const dbPath = await demoDatabase(dir, 10, 20);
  // Three cases decided weeks ago, so their terms are close to the end or past it.
  const db = openDatabase(dbPath, { migrate: false });
  const officer = listUsers(db).find((u) => u.username === 'officer2')!;
  const pointId = getDisposalPointByCode(db, 'CDX01')!.id;
  for (const [daysAgo, plate] of [[33, '冀H58231'], [30, '冀C70912'], [26, '蒙D31877']] as const) {
    const at = new Date(Date.now() - daysAgo * DAY_MS);
    const ctx = { db, now: () => at, session: { token: 'e2e', user: officer, lastSeenMs: 0 } };
    const draft = CaseDraftInput.parse(completeDraft(pointId, {
      // Taken at the moment decided: the seizure day is exactly daysAgo days back, whatever the hour.
      vehiclePlates: [plate], seizedAt: at.toISOString(),
      approval: { approverName: '周建华', approvedAt: new Date(at.getTime() - 7200_000).toISOString(), emergency: false },
    }));
    decideCase(ctx, { id: openCase(ctx, draft).id, decidedAt: draft.seizedAt, lateReason: '' });
  }
  db.close();
  host = await startHostProcess(dbPath);
});
test.afterAll(async () => {
  await host?.stop();
});

test('a supervisor sees the cases under seizure by remaining legal days, seizures, handovers, disposals and stock', async ({ page }) => {
  await logIn(page, host.url, 'supervisor', DEMO_PASSWORD);
  await page.getByRole('menuitem', { name: '统计报表' }).click();

  // The login reminder names the same cases; close it so the dashboard shows whole.
  await page.locator('.ant-notification-notice-close').first().click();
  // Past its term (decided 33 days ago), on its last day (30) and within five days of its end (26).
  await expect(page.getByTestId('term-alert-banner')).toContainText('3 件查封扣押案件期限临近');
  await page.getByRole('tab', { name: '查封扣押与处置' }).click();
  const open = page.getByTestId('open-cases');
  const rows = open.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('已届满');
  await expect(rows.nth(1)).toContainText('今日届满');
  await expect(rows.nth(2)).toContainText('即将届满');
  await expect(page.getByTestId('point-stock')).toContainText('承德县发改局煤炭处置点');
  await expect(page.getByTestId('disposals')).toContainText('变卖');
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'test-results/dashboard-enforcement.png' });

  await page.getByTestId('seizure-count').click();
  const drawer = page.getByTestId('enforcement-drawer');
  await expect(drawer.locator('tbody tr.ant-table-row')).toHaveCount(7); // the demo's decided cases of the last two weeks
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/dashboard-enforcement-drill.png' });
  await drawer.locator('.ant-drawer-close').first().click();

  await page.getByTestId('point-stock').locator('tbody tr.ant-table-row').first().click();
  await expect(drawer.locator('tbody tr.ant-table-row')).toHaveCount(1);
});
