import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  // Bundles the CLI and names the run for the demo database that specs copy (test/support/demo-template.ts).
  globalSetup: './test/support/e2e-global-setup.ts',
  timeout: 60_000,
  workers: 1,
  // CI runs on a loaded 2-core machine: one retry, reported as flaky in the list and the JSON, never hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run',
      ],
    },
  },
});
