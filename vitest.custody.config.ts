import { defineConfig } from 'vitest/config';

/** Mutation testing of the disposal ledger (stryker.custody.conf.json): only the unit tests that exercise it. */
export default defineConfig({
  test: {
    include: ['test/unit/enforcement/disposal-ledger.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
