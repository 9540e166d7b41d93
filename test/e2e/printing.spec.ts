import { test, expect, type Locator, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { earlierToday, hostApi, logIn } from '../support/e2e.ts';
import { completeDraft } from '../integration/cases/helpers.ts';

// Real CUPS with two cups-pdf queues; "Jammed" rejects jobs until it is accepted again.
const PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
const hasCups = fs.existsSync('/usr/sbin/cupsd') && fs.existsSync(PPD);
test.skip(!hasCups, 'needs cups and printer-driver-cups-pdf (apt-get install -y cups printer-driver-cups-pdf)');
test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-printing-'));
let host: HostProcess;
const api = hostApi(() => host.url);
let cupsd: ChildProcess | null = null;
const PRINTERS = ['E2E-Office', 'E2E-Jammed'];

const schedulerRunning = () => /^scheduler is running/.test(execFileSync('lpstat', ['-r'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }));

test.beforeAll(async () => {
  if (!schedulerRunning()) {
    cupsd = spawn('/usr/sbin/cupsd', ['-f'], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !schedulerRunning(); i++) await new Promise((r) => setTimeout(r, 200));
  }
  for (const p of PRINTERS) execFileSync('lpadmin', ['-p', p, '-v', 'cups-pdf:/', '-E', '-P', PPD], { stdio: 'ignore' });
  execFileSync('cupsreject', ['E2E-Jammed']);

  host = await startHostProcess(path.join(dir, 'checkpoint.db'));
  const { token: admin } = await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  });
  await api('users.create', { username: 'officer1', displayName: '执法员 李强', role: 'officer', password: 'user-pass-1', credentialNumber: '13080019001' }, admin);
  const pointId = (await api<{ id: number }>('disposalPoints.create', { code: 'CDX01', name: '承德县发改局煤炭处置点', address: '承德县下板城镇' }, admin)).id;
  await api('documentSettings.update', { agencyName: '承德市市场监督管理局', reviewGovernment: '承德市人民政府', court: '承德市双桥区人民法院' }, admin);
  const officer = (await api<{ token: string }>('auth.login', { username: 'officer1', password: 'user-pass-1' })).token;
  // Taken minutes ago and decided now, on the spot (行政强制法 art.24): the real clock runs in the host.
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const draft = completeDraft(pointId, { seizedAt: earlierToday(5), approval: { approverName: '王局长', approvedAt: minutesAgo(10), emergency: false } });
  const opened = await api<{ id: number }>('cases.open', { draft }, officer);
  await api('cases.decide', { id: opened.id }, officer);
});

test.afterAll(async () => {
  await host?.stop();
  if (!hasCups) return;
  for (const p of PRINTERS) execFileSync('lpadmin', ['-x', p], { stdio: 'ignore' });
  cupsd?.kill();
  for (const d of [path.join(os.homedir(), 'PDF'), '/var/spool/cups-pdf/ANONYMOUS']) {
    for (const f of fs.existsSync(d) ? fs.readdirSync(d) : []) if (f.startsWith('checkpoint-job-')) fs.rmSync(path.join(d, f));
  }
});

async function choosePrinter(page: Page, scope: Locator, name: string) {
  await scope.getByTestId('printer-select').click();
  await page.locator('.ant-select-item-option:visible', { hasText: name }).click();
}

test('prints from the preview to a chosen printer; a failed print waits in the queue and the retry prints it', async ({ page }) => {
  await logIn(page, host.url, 'officer1', 'user-pass-1');
  await page.getByRole('menuitem', { name: '案件办理' }).click();
  await page.getByRole('cell', { name: /CD01-\d{4}-0001/ }).click();
  await page.getByTestId('print-seizure-decision').click();
  await expect(page.getByTestId('pdf-preview')).toBeVisible();
  await expect(page.locator('.ant-modal-title').getByText('原件')).toBeVisible();
  const preview = page.getByRole('dialog', { name: /文书预览/ });

  await choosePrinter(page, preview, 'E2E-Jammed');
  await preview.getByTestId('printer-copies').fill('2');
  await preview.getByTestId('print-send').click();
  await expect(page.getByText(/打印失败，任务已留在打印队列，可重试：.*not accepting jobs/)).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/printing-preview.png' });
  await page.locator('.ant-modal-close').last().click();
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  await page.locator('.ant-drawer .ant-drawer-close').click();
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);

  await page.getByTestId('print-queue-open').click();
  const queue = page.getByTestId('print-queue');
  await expect(queue.getByText('打印失败')).toBeVisible();
  await expect(queue.getByRole('cell', { name: 'E2E-Jammed', exact: true })).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/printing-queue.png' });

  execFileSync('cupsaccept', ['E2E-Jammed']);
  await queue.getByRole('button', { name: /重\s?试/ }).click();
  await expect(page.getByText('已发送到打印机 E2E-Jammed')).toBeVisible();
  await expect(queue.getByText('没有待打印或打印失败的任务')).toBeVisible();
  await page.locator('.ant-modal-close').last().click();
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);

  // The next print is a 副本, and the picker remembers this user's printer and copies.
  await page.getByRole('cell', { name: /CD01-\d{4}-0001/ }).click();
  await page.getByTestId('print-seizure-decision').click();
  await expect(page.locator('.ant-modal-title').getByText('副本')).toBeVisible();
  await expect(preview.getByTestId('printer-select')).toContainText('E2E-Jammed');
  await expect(preview.getByTestId('printer-copies')).toHaveValue('2');
  await choosePrinter(page, preview, 'E2E-Office');
  await preview.getByTestId('print-send').click();
  await expect(page.getByText('已发送到打印机 E2E-Office')).toBeVisible();
  await expect(preview.getByTestId('print-send')).toBeDisabled();
});
