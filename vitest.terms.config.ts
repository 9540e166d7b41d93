import { defineConfig } from 'vitest/config';

/** The unit tests of the term rules only: what stryker.terms.conf.json runs against each mutant. */
export default defineConfig({
  test: {
    include: ['test/unit/enforcement/seizure-term.test.ts', 'test/unit/enforcement/case-state.test.ts', 'test/unit/enforcement/holiday-calendar.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
