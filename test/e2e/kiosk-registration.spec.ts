import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { hostApi, logIn } from '../support/e2e.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-kiosk-'));
const dbPath = path.join(dir, 'checkpoint.db');
let host: HostProcess;

test.beforeAll(async () => {
  host = await startHostProcess(dbPath);
});
test.afterAll(async () => {
  await host?.stop();
});

test('first run: set up the checkpoint and add a kiosk operator', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByText('首次使用：设置检查站')).toBeVisible();
  await page.getByLabel('检查站名称').fill('承德市入市煤炭检查站');
  await page.getByLabel('检查站代码').fill('CD01');
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel('管理员姓名').fill('管理员');
  await page.getByLabel('管理员密码').fill('admin-pass-1');
  await page.getByLabel('再次输入密码').fill('admin-pass-1');
  // The one-time code the host printed in its terminal: only someone at this machine can set it up.
  await page.getByLabel('设置码').fill(host.setupCode!);
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByLabel('用户名').fill('kiosk1');
  await page.getByLabel('姓名').fill('登记员 王芳');
  await page.getByLabel('密码').fill('kiosk-pass-1');
  await page.getByRole('button', { name: '添加用户' }).click();
  await expect(page.getByRole('cell', { name: 'kiosk1' })).toBeVisible();
});

test('kiosk registers a truck, finds it after a restart, amends it and sees both versions', async ({ page }) => {
  // A configured (absent) scanner replaces the simulators: no simulated ID card asks to replace the typed driver mid-test.
  const api = hostApi(() => host.url);
  const admin = (await api<{ token: string }>('auth.login', { username: 'admin', password: 'admin-pass-1' })).token;
  await api('devices.configure', { kind: 'scanner', name: '扫码枪', portPath: path.join(dir, 'no-such-port') }, admin);
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await expect(page.getByText('运煤车辆登记')).toBeVisible();
  // Province character from the picker, the rest typed: no IME needed.
  await page.getByTestId('plate').fill('A12345');
  await page.getByRole('button', { name: '选择省份简称' }).first().click();
  await page.locator('[data-char="冀"]').first().click();
  await expect(page.getByTestId('plate')).toHaveValue('冀A12345');
  await page.getByTestId('trailerPlate').fill('冀A1234挂');
  await page.getByLabel('驾驶员姓名').fill('郝建国');
  await page.getByLabel('身份证号码').fill('11010519491231002X');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('煤炭来源（矿/销售方及地点）').fill('陕西府谷');
  // Transit (过境: bound beyond 承德市) follows the destination as it is typed.
  await page.getByTestId('destination').fill('河北唐山迁安市');
  await expect(page.getByTestId('transit')).toBeChecked();
  await page.getByTestId('destination').fill('河北承德双桥区');
  await expect(page.getByTestId('transit')).not.toBeChecked();
  // The truck presented no report: said explicitly, so the verdict shows only now.
  await expect(page.getByTestId('certificate-banner')).toHaveCount(0);
  await page.getByTestId('no-report').click();
  await page.getByTestId('grossKg').fill('49000');
  await page.getByTestId('tareKg').fill('16520');
  await expect(page.getByTestId('netKg')).toContainText('32,480');
  await page.getByLabel('手工录入原因').fill('地磅未接入');
  await page.getByLabel('运单申报重量（kg）').fill('32000');
  await page.screenshot({ path: 'test-results/kiosk-form.png' });
  await page.getByTestId('save').click();
  await expect(page.getByTestId('saved')).toContainText(/CD-\d{8}-0001/);
  await expect(page.getByTestId('plate')).toHaveValue('');

  await host.stop();
  host = await startHostProcess(dbPath);

  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await page.getByRole('menuitem', { name: '登记台账' }).click();
  // Full-width letters and the separator are accepted in the search.
  await page.getByTestId('ledger-search').locator('input').fill('冀Ａ·12345');
  await page.getByTestId('ledger-search').locator('input').press('Enter');
  await expect(page.getByRole('cell', { name: /冀A·12345/ })).toBeVisible();
  await page.getByRole('button', { name: '查 看' }).or(page.getByRole('button', { name: '查看' })).first().click();
  await page.getByTestId('amend').click();
  await page.getByTestId('amend-reason').fill('皮重录入错误，按复磅更正');
  await page.getByRole('dialog').getByTestId('tareKg').fill('16020');
  await page.locator('#amend-save').click();
  await expect(page.getByTestId('revision-2')).toContainText('皮重录入错误');
  await expect(page.getByTestId('revision-2')).toContainText('32980');
  await expect(page.getByTestId('revision-1')).toContainText('32480');
  await expect(page.getByTestId('revision-1')).toContainText('已被更正');
  // The amendment carries the truck's transit flag as it was.
  await expect(page.getByTestId('revision-2')).toContainText('过境（目的地在承德市以外）否');
  await page.screenshot({ path: 'test-results/ledger-revisions.png' });
});

test('bad input is refused with a message and nothing is stored', async ({ page }) => {
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  await page.getByTestId('plate').fill('冀I12345');
  await page.getByLabel('身份证号码').fill('130102199003071234');
  await page.getByTestId('grossKg').fill('250000');
  await page.getByTestId('tareKg').fill('16000');
  await page.getByTestId('save').click();
  const refused = page.getByTestId('missing-list');
  await expect(refused).toContainText('车牌格式不符合 GA 36');
  await expect(refused).toContainText('身份证号校验位错误');
  await expect(refused).toContainText('重量超过 200 吨，请核对');
  // Empty required fields say what to fill, never 数据类型错误, and the form keeps what was typed.
  await expect(refused).toContainText('请填写驾驶员姓名');
  await expect(refused).not.toContainText('数据类型错误');
  await expect(page.getByTestId('plate')).toHaveValue('冀I12345');
  await page.getByRole('menuitem', { name: '登记台账' }).click();
  await expect(page.getByRole('row')).toHaveCount(2); // header + the one truck from before
});

test('a truck is registered with the keyboard alone, and F9 saves it once however often it is pressed', async ({ page }) => {
  await logIn(page, host.url, 'kiosk1', 'kiosk-pass-1');
  const plate = page.getByTestId('plate');
  await expect(plate).toBeFocused();
  // The province picker sits in front of the plate: open it, it offers 冀 first, arrows move, Enter picks.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-char="冀"]').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(plate).toBeFocused();
  await page.keyboard.type('B67890');
  await expect(plate).toHaveValue('冀B67890');
  // The trailer plate the same way, and its 挂 from the button behind the field: Tab to it, Enter appends.
  const trailer = page.getByTestId('trailerPlate');
  const trailerProvince = page.getByRole('button', { name: '选择省份简称' }).nth(1);
  for (let i = 0; i < 3 && !(await trailerProvince.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(trailerProvince).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-char="冀"]').last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(trailer).toBeFocused();
  await page.keyboard.type('B1234');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('trailer-ending')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(trailer).toHaveValue('冀B1234挂');
  // A second press does not add a second 挂: a plate has one last character.
  await page.keyboard.press('Enter');
  await expect(trailer).toHaveValue('冀B1234挂');

  /** Tab forward (never back, never a click) until `target` has the focus: the fields come in reading order. */
  const tabTo = async (target: ReturnType<Page['getByLabel']>, text: string) => {
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    await page.keyboard.type(text);
  };
  await tabTo(page.getByLabel('驾驶员姓名'), '郝建国');
  await tabTo(page.getByLabel('身份证号码'), '11010519491231002X');
  await tabTo(page.getByLabel('联系电话'), '13912345678');
  await tabTo(page.getByLabel('煤炭来源（矿/销售方及地点）'), '陕西府谷');
  await tabTo(page.getByTestId('destination'), '河北承德双桥区');
  await tabTo(page.getByTestId('no-report'), ' ');
  await expect(page.getByTestId('no-report')).toBeChecked();
  await tabTo(page.getByTestId('grossKg'), '48000');
  await tabTo(page.getByTestId('tareKg'), '16000');
  await tabTo(page.getByTestId('declaredKg'), '32000');
  await tabTo(page.getByTestId('manualReason'), '地磅未接入');
  // Enter in a field never saves.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('saved')).toHaveCount(0);

  await expect(page.getByTestId('save')).toContainText('F9');
  await page.keyboard.press('F9');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('saved')).toBeVisible();
  await expect(plate).toBeFocused(); // ready for the next truck
  await page.getByRole('menuitem', { name: '登记台账' }).click();
  await page.getByTestId('ledger-search').locator('input').fill('冀B67890');
  await page.getByTestId('ledger-search').locator('input').press('Enter');
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.locator('tbody tr.ant-table-row')).toContainText('冀B·67890 / 冀B·1234挂');
});
