import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { earlierToday, hostApi, logIn } from '../support/e2e.ts';
import { completeDraft } from '../integration/cases/helpers.ts';

// 行政强制法 art.26: coal handed over while only seized stays in custody at the disposal point until the
// confiscation notice is imported; the officer sees the case as held there and is not offered a second handover.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-custody-'));
let host: HostProcess;
const api = hostApi(() => host.url);
const login = async (username: string) => (await api<{ token: string }>('auth.login', { username, password: 'user-pass-1' })).token;
let caseId = 0;
let caseNumber = '';

test.beforeAll(async () => {
  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  const { token: admin } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'officer1', displayName: '执法员 李强', roles: ['officer'], password: 'user-pass-1', credentialNumber: '13080019001' }, admin);
  await api('users.create', { username: 'disposal1', displayName: '处置点 孙敏', roles: ['disposal'], password: 'user-pass-1' }, admin);
  const point = await api<{ id: number }>('disposalPoints.create', { code: 'CDX01', name: '承德县发改局煤炭处置点', address: '承德县下板城镇' }, admin);
  const officer = await login('officer1');
  const opened = await api<{ id: number }>('cases.open', { draft: { ...completeDraft(point.id), seizedAt: earlierToday(60), approval: { approverName: '王局长', approvedAt: new Date(Date.now() - 7_200_000).toISOString(), emergency: false } } }, officer);
  const decided = await api<{ id: number; caseNumber: string }>('cases.decide', { id: opened.id }, officer);
  caseId = decided.id;
  caseNumber = decided.caseNumber;
  const handover = await api<{ fileText: string }>('handovers.create', { caseIds: [caseId], disposalPointId: point.id, receiverName: '孙敏' }, officer);
  const disposal = await login('disposal1');
  const imported = await api<{ id: number }>('handovers.import', { text: handover.fileText }, disposal);
  await api('ledger.receive', { handoverId: imported.id, caseRef: caseNumber, coalKind: '劣质散煤', quantityKg: 31_240 }, disposal);
});
test.afterAll(async () => {
  await host?.stop();
});

test('custody coal cannot be disposed of until the confiscation notice is imported', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await logIn(page, host.url, 'officer1', 'user-pass-1');
  await page.getByRole('menuitem', { name: '案件办理' }).click();
  await page.getByText(caseNumber).click();
  await expect(page.getByTestId('case-in-custody').first()).toBeVisible();
  await expect(page.getByTestId('action-handover')).toHaveCount(0);
  await page.getByTestId('action-confiscate').click();
  const dialog = page.getByRole('dialog').last();
  await dialog.getByLabel('理由').fill('经检测不合格，依法没收');
  await dialog.getByLabel('行政处罚决定书文号').fill('冀承市监罚〔2026〕12号');
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await dialog.getByLabel('行政处罚决定日期').fill(today);
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(page.getByText('已签发没收通知，请交处置点导入')).toBeVisible();
  await page.screenshot({ path: 'test-results/custody-notice.png' });

  const [notice] = await api<{ qrText: string }[]>('confiscations.list', { direction: 'outgoing' }, await login('officer1'));
  const clerk = await page.context().newPage();
  await clerk.setViewportSize({ width: 1366, height: 768 });
  await logIn(clerk, host.url, 'disposal1', 'user-pass-1');
  await clerk.getByRole('menuitem', { name: '处置点' }).click();
  await expect(clerk.getByTestId('custody-kg')).toHaveText('31,240');
  await expect(clerk.getByTestId('bucket-dispose')).toHaveCount(0);
  await expect(clerk.locator('.ant-tag', { hasText: '已入库' })).toBeVisible();
  await expect(clerk.getByTestId('receive')).toHaveCount(0);
  await clerk.screenshot({ path: 'test-results/custody-before.png' });
  await clerk.getByTestId('handover-text').fill(notice!.qrText);
  await clerk.getByTestId('handover-import').click();
  await expect(clerk.getByText(/已导入没收通知（冀承市监罚〔2026〕12号），1 项库存转为已没收/)).toBeVisible();
  await expect(clerk.getByTestId('confiscated-kg')).toHaveText('31,240');
  await expect(clerk.getByTestId('custody-kg')).toHaveText('0');
  await expect(clerk.getByTestId('bucket-dispose')).toBeVisible();
  await clerk.screenshot({ path: 'test-results/custody-after.png' });
});
