import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One worker per core (Vitest's default leaves one core free): the slowest files mostly wait on the child
    // processes they start (the CLI, kill drills, pdftotext, cupsd), so a 2-core machine has room for two at once.
    maxWorkers: os.availableParallelism(),
    // Bundles the CLI and the kill drills' loops for the tests that start them as processes.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
