/**
 * The demo database for end-to-end specs, made once per Playwright run and copied into each spec's folder: the
 * demo works through the app as its users and takes minutes on a busy machine, and two specs need the same one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cliBundle } from './bundles.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** `checkpoint demo --days DAYS --per-day PER_DAY` into `dir`/checkpoint.db (a copy of this run's one); returns that path. */
export async function demoDatabase(dir: string, days: number, perDay: number): Promise<string> {
  // Made in this run (Playwright's global set-up names it), so the demo's dates are relative to today.
  const run = process.env.E2E_RUN_ID;
  if (!run) throw new Error('E2E_RUN_ID is not set: run through playwright.config.ts, whose global set-up names the run');
  const template = path.join(root, 'test-results', 'e2e-templates', `${run}-demo-${days}x${perDay}`);
  // One worker makes it; another that needs it meanwhile waits rather than making a second one beside it.
  const lock = `${template}.lock`;
  fs.mkdirSync(path.dirname(template), { recursive: true });
  while (!fs.existsSync(template)) {
    let mine: number;
    try {
      mine = fs.openSync(lock, 'wx');
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      const partial = `${template}.partial`;
      fs.rmSync(partial, { recursive: true, force: true });
      fs.mkdirSync(partial);
      execFileSync(process.execPath, [cliBundle, 'demo', '--db', path.join(partial, 'checkpoint.db'), '--days', String(days), '--per-day', String(perDay)]);
      fs.renameSync(partial, template);
    } finally {
      fs.closeSync(mine);
      fs.rmSync(lock, { force: true });
    }
  }
  fs.cpSync(template, dir, { recursive: true });
  return path.join(dir, 'checkpoint.db');
}
