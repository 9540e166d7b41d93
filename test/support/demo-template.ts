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
export function demoDatabase(dir: string, days: number, perDay: number): string {
  // Made in this run (Playwright's global set-up names it), so the demo's dates are relative to today.
  const run = process.env.E2E_RUN_ID;
  if (!run) throw new Error('E2E_RUN_ID is not set: run through playwright.config.ts, whose global set-up names the run');
  const template = path.join(root, 'test-results', 'e2e-templates', `${run}-demo-${days}x${perDay}`);
  if (!fs.existsSync(template)) {
    const partial = `${template}.${process.pid}.partial`;
    fs.mkdirSync(partial, { recursive: true });
    execFileSync(process.execPath, [cliBundle, 'demo', '--db', path.join(partial, 'checkpoint.db'), '--days', String(days), '--per-day', String(perDay)]);
    // Another worker may have finished the same template first: then its copy is as good.
    try {
      fs.renameSync(partial, template);
    } catch {
      fs.rmSync(partial, { recursive: true, force: true });
    }
  }
  fs.cpSync(template, dir, { recursive: true });
  return path.join(dir, 'checkpoint.db');
}
