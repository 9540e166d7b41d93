import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { earlierToday, hostApi, logIn } from '../support/e2e.ts';
import { validRegistration } from '../support/app-fixture.ts';
import { completeDraft } from '../integration/cases/helpers.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-enforcement-'));
const dbPath = path.join(dir, 'checkpoint.db');
let host: HostProcess;
const api = hostApi(() => host.url);
let registrationId = 0;
let pointId = 0;

const login = async (username: string, password: string) => (await api<{ token: string }>('auth.login', { username, password })).token;
/**
 * Loose civil coal bound for Hebei with no report: the one case the Chengde policy seizes outright (any other
 * truck without a report goes to 人工核验), so the seed's clause covers it whatever the sample draws.
 */
const seizable = (seed: number) => {
  const { reportNumber: _none, ...reg } = validRegistration(seed);
  return {
    ...reg, hasReport: false, coalKind: 'anthracite-lump' as const, intendedUse: 'civil' as const,
    destination: '河北承德双桥区', destinationInHebei: true, consignee: '承德市热力供应有限公司',
  };
};

test.beforeAll(async () => {
  host = await startHostProcess(dbPath);
  const { token: admin } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  for (const [username, role, displayName] of [['kiosk1', 'kiosk', '登记员'], ['officer1', 'officer', '执法员 李强'], ['disposal1', 'disposal', '处置点 孙敏']]) {
    await api('users.create', { username, displayName, role, password: 'user-pass-1', ...(role === 'officer' ? { credentialNumber: '13080019001' } : {}) }, admin);
  }
  pointId = (await api<{ id: number }>('disposalPoints.create', { code: 'CDX01', name: '承德县发改局煤炭处置点', address: '承德县下板城镇' }, admin)).id;
  await api('documentSettings.update', { agencyName: '承德市市场监督管理局', reviewGovernment: '承德市人民政府', court: '承德市双桥区人民法院' }, admin);
  const kiosk = await login('kiosk1', 'user-pass-1');
  registrationId = (await api<{ id: number }>('registrations.create', seizable(7), kiosk)).id;
  // No inspection report on loose civil coal for Hebei: the default (Chengde) policy sends the truck to seizure.
  const seized = await api<{ outcome: string }>('certificates.check', { registrationId, report: null }, kiosk);
  expect(seized.outcome).toBe('seize');
  // A truck the check would seize but a supervisor released must not be offered for a case.
  const released = (await api<{ id: number }>('registrations.create', { ...seizable(8), plate: '冀H99999' }, kiosk)).id;
  await api('certificates.check', { registrationId: released, report: null }, kiosk);
  const [check] = (await api<{ checks: { id: number; outcome: string }[] }>('certificates.forRegistration', { registrationId: released }, admin)).checks;
  expect(check!.outcome).toBe('seize');
  await api('users.create', { username: 'super1', displayName: '主管', role: 'supervisor', password: 'user-pass-1' }, admin);
  await api('certificates.override', { checkId: check!.id, outcome: 'release', reason: '补交合格报告' }, await login('super1', 'user-pass-1'));
});
test.afterAll(async () => {
  await host?.stop();
});

test('officer opens a case from a registration, decides it, prints the seizure decision and hands the coal over', async ({ page }) => {
  await logIn(page, host.url, 'officer1', 'user-pass-1');
  await page.getByRole('menuitem', { name: '案件办理' }).click();
  await page.getByTestId('case-candidates').click();
  await expect(page.locator('.ant-select-item-option')).toHaveCount(1);
  await page.locator('.ant-select-item-option').first().click();
  await page.getByRole('button', { name: '从登记记录立案' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText(/CD01-\d{4}-0001/)).toBeVisible();
  // The driver and the weighed cargo were taken over from the registration.
  const reg = seizable(7);
  await expect(drawer.getByLabel('姓名/名称').first()).toHaveValue(reg.driverName);
  await page.waitForTimeout(500); // the drawer's slide-in
  await page.screenshot({ path: 'test-results/cases-form.png' });

  // Deciding with the draft as taken over is refused: the legal elements are missing.
  await page.getByTestId('case-decide').click();
  await expect(page.getByText(/两名以上持有执法证件/)).toBeVisible();

  // The rest of the record (officers, approval, custody…) as the form would complete it; the form reloads it.
  const officer = await login('officer1', 'user-pass-1');
  const opened = (await api<{ id: number; draft: { vehiclePlates: string[]; items: { sealNumbers: string[] }[] } }[]>('cases.list', {}, officer))[0]!;
  const base = completeDraft(pointId);
  await api('cases.update', {
    id: opened.id,
    draft: {
      ...base, parties: (base.parties ?? []).map((p) => ({ ...p, name: reg.driverName })), vehiclePlates: opened.draft.vehiclePlates,
      // The weighed cargo stays as taken over from the registration; only the seals are added.
      items: opened.draft.items.map((i) => ({ ...i, sealNumbers: ['FT-01'] })),
      seizedAt: earlierToday(60), approval: { approverName: '王局长', approvedAt: new Date(Date.now() - 4000_000).toISOString(), emergency: false },
    },
  }, officer);
  await page.keyboard.press('Escape');
  // The refusal's message may cover the refresh button; a pointer resting on it would keep it open.
  await page.mouse.move(5, 700);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.getByRole('button', { name: '刷 新' }).or(page.getByRole('button', { name: '刷新' })).click();
  await page.getByRole('cell', { name: /CD01-\d{4}-0001/ }).click();
  await page.getByTestId('case-decide').click();
  await expect(drawer.getByText('已查封扣押').first()).toBeVisible();
  await expect(drawer.getByText(/冀承市监强〔\d{4}〕第0001号/).first()).toBeVisible();

  await page.getByTestId('print-seizure-decision').click();
  await expect(page.getByTestId('pdf-preview')).toBeVisible();
  // The pages are drawn (pdf.js under the strict CSP), not a blank blocked frame.
  await expect(page.getByTestId('pdf-page').first()).toBeVisible();
  await expect(page.locator('.ant-modal-title').getByText('原件')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '另存 PDF' }).or(page.getByRole('link', { name: '另存 PDF' })).click();
  const pdfPath = path.join(dir, 'decision.pdf');
  await (await download).saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('实施行政强制措施决定书');
  expect(text).toContain('承德市市场监督管理局');
  expect(text).toMatch(/冀承市监强〔\d{4}〕第0001号/);
  expect(text).toContain(reg.driverName);
  expect(text).toContain('执法证号：13080020001');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/cases-preview.png' });
  await page.locator('.ant-modal-close').last().click();

  await page.getByTestId('action-handover').click();
  await page.getByLabel('接收人').fill('孙敏');
  await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(page.getByText(/移交单已签发：冀承市监移〔\d{4}〕第0001号/)).toBeVisible();
  await page.locator('.ant-modal-close').last().click();
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  await drawer.locator('.ant-drawer-close').click({ force: true });
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  await expect(page.locator('#root').getByRole('cell', { name: '已查封扣押' })).toBeVisible();
  await page.waitForTimeout(500); // the drawer's slide-out
  await page.screenshot({ path: 'test-results/cases.png' });
});

test('the disposal point imports the signed handover and receives it into the ledger', async ({ page }) => {
  const outgoing = await api<{ qrText: string | null }[]>('handovers.list', { direction: 'outgoing' }, await login('officer1', 'user-pass-1'));
  expect(outgoing).toHaveLength(1);
  const signed = outgoing[0]!.qrText!;
  expect(signed).toMatch(/^CCHO1:/);

  await logIn(page, host.url, 'disposal1', 'user-pass-1');
  await page.getByRole('menuitem', { name: '处置点' }).click();
  await page.getByTestId('handover-text').fill(signed);
  await page.getByTestId('handover-import').click();
  await expect(page.getByText(/已导入移交单/)).toBeVisible();
  await page.getByTestId('receive').click();
  await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
  const net = validRegistration(7).grossKg - validRegistration(7).tareKg;
  await expect(page.getByTestId('stock-kg')).toHaveText(net.toLocaleString('zh-CN'));
  await expect(page.locator('.ant-tag', { hasText: '已入库' })).toBeVisible();

  // Importing the same handover again is refused.
  await page.getByTestId('handover-text').fill(signed);
  await page.getByTestId('handover-import').click();
  await expect(page.getByText(/已导入，不能重复导入/)).toBeVisible();
  await page.screenshot({ path: 'test-results/disposal.png' });
});
