import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: the PostgreSQL tests (`*.pg.test.ts`) share one throwaway server per run, started by their
// project's global setup only when one of them is queued; everything else runs without it.
const PG_TESTS = 'tests/**/*.pg.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, PG_TESTS] } },
      { extends: true, test: { name: 'postgres', include: [PG_TESTS], globalSetup: ['tests/helpers/postgres-setup.ts'] } },
    ],
  },
});
