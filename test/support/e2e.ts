import type { Page } from '@playwright/test';
import { setupCodes } from './host-process.ts';

/**
 * Calls the running host over HTTP as the renderer does (`POST <url>api/<method>`), and returns the value or throws.
 * `url` is read at each call, so a spec that restarts its host keeps working.
 */
export function hostApi(url: () => string) {
  return async function api<T = Record<string, unknown>>(method: string, input: unknown, token?: string): Promise<T> {
    // First-run set-up quotes the code the host printed in its terminal, as the person setting up would.
    const code = setupCodes.get(url());
    if (method === 'setup.init' && code && typeof input === 'object' && input !== null && !('setupCode' in input)) input = { ...input, setupCode: code };
    const res = await fetch(`${url()}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ input }),
    });
    const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
    if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return body.value;
  };
}

/** Logs in through the login screen (in Chinese, the default language). */
export async function logIn(page: Page, url: string, username: string, password: string) {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  // antd puts a space between two CJK characters of a button's label.
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();
}

/**
 * An instant `minutes` ago, but never before this Beijing day began: a seizure "an hour ago" at 00:30 Beijing
 * time would be yesterday's, and its decision today would lawfully need a late-decision reason (art. 24).
 */
export function earlierToday(minutes: number): string {
  const dayMs = 86_400_000;
  const beijingOffsetMs = 8 * 3_600_000;
  const now = Date.now();
  const dayStart = Math.floor((now + beijingOffsetMs) / dayMs) * dayMs - beijingOffsetMs;
  return new Date(Math.max(now - minutes * 60_000, dayStart)).toISOString();
}
