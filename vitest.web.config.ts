import { defineConfig } from 'vitest/config';

// Browser tests (test/web): the app on a real port, Debian's Chromium through playwright-core (`npm run test:web`).
// Apart from `npm test` because they need the built web apps and a browser; CI runs them on PGlite, and the widget
// booking flow again on the PostgreSQL server (.ci/run).
export default defineConfig({
  test: {
    include: ['test/web/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts', 'test/support/web-setup.ts'],
    pool: 'forks',
    // One Chromium per file: two files at a time keep a 2-core machine responsive.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
