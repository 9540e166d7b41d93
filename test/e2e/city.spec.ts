import { test, expect } from '@playwright/test';
import path from 'node:path';
import { logIn } from '../support/e2e.ts';
import { projectRoot } from '../support/host-process.ts';
import { startCityHub } from '../support/city-hub-server.ts';

// The city hub's screens with the same renderer: a city user sees the city, never a checkpoint's menus.
test.use({ timezoneId: 'Asia/Shanghai' });

let hub: Awaited<ReturnType<typeof startCityHub>>;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  hub = await startCityHub({ rendererDir: path.join(projectRoot, 'dist-renderer') });
});
test.afterAll(async () => hub?.close());

const shot = (name: string) => path.join(projectRoot, 'test-results/e2e', `city-${name}.png`);

test('a city user signs in on the hub and sees the day, the ranking and a checkpoint\'s records', async ({ page }) => {
  await logIn(page, hub.url, 'city1', 'city-pass-1');
  const menu = page.getByTestId('city-menu');
  await expect(menu.getByText('全市概况')).toBeVisible();
  await expect(menu.getByText('车辆登记')).toHaveCount(0);
  await expect(page.getByText('承德市煤质监管平台')).toBeVisible();
  const table = page.getByTestId('city-installations');
  await expect(table.getByText('围场县入省检查站')).toBeVisible();
  await page.screenshot({ path: shot('day') });
  await page.getByTestId('city-mode').getByText('周次').click();
  await expect(page.getByTestId('city-days')).toBeVisible();
  await page.screenshot({ path: shot('week') });
  await menu.getByText('周通报排名').click();
  await expect(page.getByTestId('ranking-table').locator('tbody tr.ant-table-row')).toHaveCount(3);
  await page.screenshot({ path: shot('ranking') });
  await menu.getByText('检查站明细').click();
  await expect(page.getByTestId('drill-registrations').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await page.screenshot({ path: shot('drill') });
  await menu.getByText('接入单位').click();
  await expect(page.getByTestId('installations-table').getByText('丰宁县检查站')).toBeVisible();
  await expect(page.getByTestId('revoke-cp-fengning')).toHaveCount(0);
});

test('a hub administrator revokes an installation with a reason', async ({ page }) => {
  await logIn(page, hub.url, 'hubadmin', 'admin-pass-1');
  await page.getByTestId('city-menu').getByText('接入单位').click();
  await page.getByTestId('revoke-cp-fengning').click();
  await page.getByTestId('revoke-reason').fill('检查站撤并');
  await page.getByRole('dialog').getByRole('button', { name: /注\s?销/ }).click();
  await expect(page.getByTestId('installations-table').locator('tr', { hasText: '丰宁县检查站' }).getByText('已注销')).toBeVisible();
  await page.screenshot({ path: shot('installations') });
  const audit = await hub.sql.query<{ actor: string }>("SELECT actor FROM hub_audit WHERE action = 'installations.revoke' AND entity_id = 'cp-fengning'");
  expect(audit.rows).toEqual([{ actor: 'hubadmin' }]);
});
