import { test, expect, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHostProcess, type HostProcess } from '../support/host-process.ts';
import { demoDatabase } from '../support/demo-template.ts';
import { logIn } from '../support/e2e.ts';
import { DEMO_PASSWORD } from '../../src-main/demo/run-demo.ts';
import { catalogs } from '../../src-shared/contract/i18n/index.ts';
import { PLATE_ENDINGS } from '../../src-shared/domain/plate.ts';

// Every screen of every role, as a person sees it at the checkpoint's 1366×768, in Chinese and in English.
test.use({ timezoneId: 'Asia/Shanghai' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-tour-'));
let host: HostProcess;

test.beforeAll(async () => {
  // The demo works through the app as its users (sign-ins, captures from its scale): more than a test's minute on a busy machine.
  test.setTimeout(240_000);
  // The same demo as the enforcement dashboard's, made once for both.
  host = await startHostProcess(await demoDatabase(dir, 10, 20));
});
test.afterAll(async () => {
  await host?.stop();
});

type Lang = 'zh' | 'en';
interface Screen {
  key: string;
  menu: Record<Lang, string>;
  /** Something of the demo data (or of the screen's own settings) that shows the screen loaded, not just its frame. */
  shows(page: Page): Locator;
}

const firstRow = (page: Page) => page.locator('main tbody tr.ant-table-row').first();
const SCREENS: Record<string, Screen> = {
  kiosk: { key: 'kiosk', menu: { zh: '车辆登记', en: 'Register truck' }, shows: (p) => p.getByTestId('plate') },
  ledger: { key: 'ledger', menu: { zh: '登记台账', en: 'Ledger' }, shows: firstRow },
  'report-archive': { key: 'report-archive', menu: { zh: '报告档案', en: 'Report archive' }, shows: firstRow },
  cases: { key: 'cases', menu: { zh: '案件办理', en: 'Cases' }, shows: (p) => p.locator('main').getByText(/CD01-\d{4}-\d{4}/).first() },
  disposal: { key: 'disposal', menu: { zh: '处置点', en: 'Disposal point' }, shows: firstRow },
  dashboard: { key: 'dashboard', menu: { zh: '统计报表', en: 'Reports' }, shows: (p) => p.getByTestId('card-week') },
  users: { key: 'users', menu: { zh: '用户管理', en: 'Users' }, shows: (p) => p.getByRole('cell', { name: 'officer1', exact: true }) },
  devices: { key: 'devices', menu: { zh: '设备设置', en: 'Devices' }, shows: (p) => p.locator('main') },
  standards: { key: 'standards', menu: { zh: '标准与限值', en: 'Standards' }, shows: firstRow },
  'enforcement-settings': { key: 'enforcement-settings', menu: { zh: '执法设置', en: 'Enforcement' }, shows: (p) => p.getByTestId('disposal-points').getByText('CDX01') },
  settings: { key: 'settings', menu: { zh: '系统设置', en: 'Settings' }, shows: (p) => p.locator('main form').first() },
  backup: { key: 'backup', menu: { zh: '数据备份', en: 'Backups' }, shows: (p) => p.locator('main form').first() },
};
const ROLES: Record<string, string[]> = {
  kiosk: ['kiosk', 'ledger', 'report-archive'],
  officer1: ['ledger', 'report-archive', 'cases'],
  disposal: ['disposal'],
  // The disposal screen records ledger movements: only the disposal role, never implied by seniority.
  supervisor: ['kiosk', 'ledger', 'report-archive', 'cases', 'dashboard'],
  admin: ['kiosk', 'ledger', 'report-archive', 'cases', 'dashboard', 'users', 'devices', 'standards', 'enforcement-settings', 'settings', 'backup'],
};

/** `section.key` as printed when a translation is missing. */
const rawKey = new RegExp(`\\b(${Object.keys(catalogs.en).join('|')})\\.[a-zA-Z]+`);
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
/** A plate's own last character (the trailer's 挂 button): it is typed into the plate whatever the language. */
const PLATE_ENDING_BUTTON = new RegExp(`^\\+?[${PLATE_ENDINGS.join('')}]$`);
/** The application's own words (menus, headings, column titles, buttons, field labels): no data shows there. */
const CHROME = '.ant-menu-item, .ant-card-head-title, .ant-tabs-tab, th, label, button, h1, h2, h3, h4, h5, .ant-empty-description';

async function settle(page: Page) {
  // Drawers, tabs and ECharts animate in; the picture should show the screen at rest.
  await page.waitForTimeout(700);
}

for (const [username, keys] of Object.entries(ROLES)) {
  test(`${username}: every screen fits 1366×768 and is translated`, async ({ page }) => {
    fs.mkdirSync('test-results/tour', { recursive: true });
    await logIn(page, host.url, username, DEMO_PASSWORD);
    await expect(page.locator('.ant-menu-item').first()).toBeVisible();
    // The menu is exactly the role's screens.
    await expect(page.locator('.ant-layout-sider .ant-menu-item')).toHaveText(keys.map((k) => SCREENS[k]!.menu.zh));
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('.ant-layout-sider .ant-menu-item').first()).toHaveText(SCREENS[keys[0]!]!.menu[lang]);
      for (const key of keys) {
        const screen = SCREENS[key]!;
        await page.locator('.ant-layout-sider').getByRole('menuitem', { name: screen.menu[lang], exact: true }).click();
        await expect(screen.shows(page)).toBeVisible();
        // The term reminder is read once; close it so it does not hide the screen.
        for (const close of await page.locator('.ant-notification-notice-close').all()) await close.click();
        await settle(page);
        await page.screenshot({ path: `test-results/tour/${username}-${key}-${lang}.png` });
        expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${key} overflows`).toBeLessThanOrEqual(1366);
        if (key === 'kiosk') {
          // The whole registration (its cards and the save button) is in view at once; only the certificate panel below may scroll.
          const bottom = await page.getByTestId('registration-fields').evaluate((el) => el.getBoundingClientRect().bottom);
          expect.soft(bottom, `registration cards below the fold (${lang})`).toBeLessThanOrEqual(768);
          await expect.soft(page.getByTestId('save')).toBeInViewport();
        }
        const text = await page.locator('body').innerText();
        expect.soft(text, `raw i18n key on ${key} (${lang})`).not.toMatch(rawKey);
        if (lang === 'en') {
          const chrome = await page.locator(CHROME).allInnerTexts();
          expect.soft(chrome.filter((s) => CJK.test(s) && s !== '中文' /* the language button */ && !PLATE_ENDING_BUTTON.test(s)), `Chinese chrome on ${key} in English`).toEqual([]);
        }
      }
    }
  });
}
