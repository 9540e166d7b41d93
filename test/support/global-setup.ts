// Vitest's and Playwright's global set-up: once per run, before any test file.
import { buildTestBundles } from './bundles.ts';

export default async function globalSetup(): Promise<void> {
  await buildTestBundles();
}
