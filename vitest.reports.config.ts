import { defineConfig } from 'vitest/config';

/** The unit tests of the reporting rules only: what stryker.reports.conf.json runs against each mutant. */
export default defineConfig({
  test: {
    include: ['test/unit/reports/report-problems.test.ts', 'test/unit/reports/report-period.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
