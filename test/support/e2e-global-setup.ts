// Playwright's global set-up: names this run (for its demo template), clears earlier runs' templates and
// bundles the CLI the specs start.
import fs from 'node:fs';
import path from 'node:path';
import { buildTestBundles } from './bundles.ts';

export default async function globalSetup(): Promise<void> {
  fs.rmSync(path.resolve(import.meta.dirname, '../../test-results/e2e-templates'), { recursive: true, force: true });
  // Workers inherit the set-up's environment.
  process.env.E2E_RUN_ID = String(Date.now());
  await buildTestBundles();
}
