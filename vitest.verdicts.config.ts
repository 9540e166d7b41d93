import { defineConfig } from 'vitest/config';

/**
 * The certificate rules' own tests, for mutation testing (stryker.verdicts.conf.json). The CLI tests run the
 * code in a child process, which cannot see Stryker's active mutant, so they are left to the normal run.
 */
export default defineConfig({
  test: {
    include: ['test/unit/certificate/**/*.test.ts'],
    exclude: ['test/unit/certificate/cli.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
