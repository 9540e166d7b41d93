// @ts-nocheck
import { test, expect } from '@playwright/test';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';
import { validRegistration } from '../support/app-fixture.ts';

test.describe.configure({ mode: 'serial' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-admin-'));
const dbPath = path.join(dir, 'checkpoint.db');
let host: HostProcess;
const api = hostApi(() => host.url);
let admin = '';
let registrationId = 0;
/** A 1×1 PNG, as a photographed report would be stored. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';


test.beforeAll(async () => {
  host = await startHostProcess(dbPath);
  admin = (await api<{ token: string }>('setup.init', {
    stationName: '承德市入市煤炭检查站', stationCode: 'CD01', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' },
  })).token;
  await api('users.create', { username: 'officer1', displayName: '执法员 李强', role: 'officer', password: 'user-pass-1', credentialNumber: '13080019001' }, admin);
  // Civil anthracite bound for Hebei: the strict 京津冀 limits apply to its samples.
  const truck = { ...validRegistration(3), coalKind: 'anthracite-lump', intendedUse: 'civil', destinationInHebei: true, hasReport: false };
  registrationId = (await api<{ id: number }>('registrations.create', truck, admin)).id;
  await api('attachments.add', { registrationId, fileName: '磅单照片.png', mime: 'image/png', contentBase64: PNG_BASE64 }, admin);
});
test.afterAll(async () => {
  await host?.stop();
});

test('the administrator sets up documents, a disposal point and handover keys', async ({ page }) => {
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '执法设置' }).click();

  const docs = page.getByTestId('document-settings');
  await docs.getByTestId('doc-agencyName').fill('承德市市场监督管理局');
  await docs.getByTestId('doc-sealText').fill('承德市市场监督管理局行政执法专用章');
  await docs.getByTestId('doc-reviewGovernment').fill('承德市人民政府');
  await docs.getByTestId('doc-court').fill('承德市双桥区人民法院');
  // A pattern without {year} is marked before saving, and nothing is saved.
  const pattern = docs.getByTestId('pattern-seizure-decision');
  await pattern.fill('冀承市监强第{seq:4}号');
  await docs.getByTestId('save-document-settings').click();
  await expect(docs.getByText(/文号格式须恰好包含一个 \{year\}/)).toBeVisible();
  expect((await api<{ agencyName: string }>('documentSettings.get', {}, admin)).agencyName).not.toBe('承德市市场监督管理局');
  await pattern.fill('冀承市监强〔{year}〕{seq:5}号');
  await expect(docs.getByText(/示例：冀承市监强〔\d{4}〕00001号/)).toBeVisible();
  await docs.getByTestId('save-document-settings').click();
  await expect(page.getByText('文书设置已保存')).toBeVisible();
  const saved = await api<{ agencyName: string; numberPatterns: Record<string, string> }>('documentSettings.get', {}, admin);
  expect(saved.agencyName).toBe('承德市市场监督管理局');
  expect(saved.numberPatterns['seizure-decision']).toBe('冀承市监强〔{year}〕{seq:5}号');

  const points = page.getByTestId('disposal-points');
  await points.getByTestId('point-code').fill('CDX01');
  await points.getByTestId('point-name').fill('承德县发改局煤炭处置点');
  await points.getByTestId('point-address').fill('承德县下板城镇');
  await points.getByTestId('add-point').click();
  await expect(points.getByRole('cell', { name: '承德县发改局煤炭处置点' })).toBeVisible();

  const own = await api<{ publicKeyPem: string }>('checkpointKey.get', {}, admin);
  await expect(page.getByTestId('own-key')).toHaveValue(own.publicKeyPem);
  const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await page.getByTestId('trust-id').fill('FP01');
  await page.getByTestId('trust-name').fill('阜平入市煤炭检查站');
  await page.getByTestId('trust-key').fill('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----');
  await page.getByTestId('trust-save').click();
  await expect(page.getByText('格式错误')).toBeVisible();
  await page.getByTestId('trust-key').fill(other);
  await page.getByTestId('trust-save').click();
  await expect(page.getByTestId('trusted').getByRole('cell', { name: '阜平入市煤炭检查站' })).toBeVisible();
  await page.waitForTimeout(300); // let the success messages settle before the picture
  await page.screenshot({ path: 'test-results/enforcement-settings.png' });
});

test('an officer records a follow-up sample and its result in the registration drawer', async ({ page }) => {
  await logIn(page, host.url, 'officer1', 'user-pass-1');
  await page.getByRole('menuitem', { name: '登记台账' }).click();
  await page.getByRole('button', { name: '查 看' }).or(page.getByRole('button', { name: '查看' })).first().click();
  const followUp = page.getByTestId('follow-up');
  await expect(followUp.getByTestId('follow-up-status')).toHaveText('无');

  await followUp.getByTestId('record-sample').click();
  await page.getByTestId('sample-number').fill('CY-20261128-01');
  await page.getByTestId('sample-lab').locator('input').fill('河北省煤炭产品质量监督检验站');
  await page.locator('#sample-save').click();
  await expect(followUp.getByTestId('follow-up-status')).toHaveText('待出结果');

  await followUp.getByTestId('record-result-CY-20261128-01').click();
  await page.getByTestId('sample-report-number').fill('JY-2026-0099');
  for (const [item, value] of [['Mt', '6.0'], ['M', '1.20'], ['A', '25.00'], ['V', '8.40'], ['St', '0.35'], ['Qnet', '26.28']] as const) {
    await page.locator(`.ant-modal [data-testid^="result-value-${item}-"]`).fill(value);
  }
  await page.locator('#sample-result-save').click();
  await expect(followUp.getByTestId('follow-up-status')).toHaveText('抽检不合格');
  await expect(followUp.getByTestId('sample-result-CY-20261128-01')).toContainText('JY-2026-0099');
  // The truck's own record is unchanged: still no stored report check.
  await expect(page.getByTestId('certificate-record')).toContainText('尚无核验记录');

  // The attached photo opens in place.
  await page.getByTestId('attachments').getByRole('button', { name: '查看' }).or(page.getByTestId('attachments').getByRole('button', { name: '查 看' })).click();
  await expect(page.getByTestId('attachment-image')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('certificate-record').scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/follow-up-sample.png' });
});

test('the administrator previews a policy file before activating it', async ({ page }) => {
  await logIn(page, host.url, 'admin', 'admin-pass-1');
  await page.getByRole('menuitem', { name: '标准与限值' }).click();
  await page.getByTestId('policy-import').locator('input[type=file]').setInputFiles(path.join(import.meta.dirname, '../../data/policies/fuping-2020.json'));
  const preview = page.getByTestId('policy-preview');
  await expect(preview).toContainText('fuping-2020');
  await expect(preview).toContainText('GB 34169');
  await page.waitForTimeout(400); // the dialog's zoom-in
  await page.screenshot({ path: 'test-results/policy-import.png' });
  // Nothing is activated by looking.
  expect((await api<{ id: string; active: boolean }[]>('policies.list', {}, admin)).find((p) => p.active)?.id).toBe('chengde-2020');
  await page.locator('#policy-activate').click();
  await expect(preview).toBeHidden();
  const active = (await api<{ id: string; active: boolean }[]>('policies.list', {}, admin)).find((p) => p.active);
  expect(active?.id).toBe('fuping-2020');
});
