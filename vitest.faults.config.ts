import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: crash and outage tests against real server processes (kill -9, a PostgreSQL cluster
 * stopped under load). They start child processes and temporary clusters, so they run one file at a time.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 150_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
