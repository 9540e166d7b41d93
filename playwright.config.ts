import { defineConfig } from '@playwright/test';

/**
 * Specs run alone: those whose checks hang on real time (a weight stable for 2 s, a host's death seen within
 * 3 s, key bursts told from typing by their spacing, a scanned report typed in one burst) and the one printing
 * through the machine's CUPS.
 * Every other spec starts its own host on its own port with its own database, so two run at once.
 */
const ALONE = ['devices.spec.ts', 'devices-truth.spec.ts', 'kiosk-scanner.spec.ts', 'kiosk-actions.spec.ts', 'printing.spec.ts', 'certificate.spec.ts'];

export default defineConfig({
  testDir: 'test/e2e',
  // Bundles the CLI and names the run for the demo database that specs copy (test/support/demo-template.ts).
  globalSetup: './test/support/e2e-global-setup.ts',
  timeout: 60_000,
  workers: 2,
  projects: [
    { name: 'side-by-side', testIgnore: ALONE },
    { name: 'alone', testMatch: ALONE, workers: 1, outputDir: 'test-results/e2e-alone' },
  ],
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
