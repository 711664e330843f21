import { defineConfig } from 'vitest/config';

// Browser journeys in real Chromium: slower, so kept apart from the unit and integration run.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    // A journey is minutes of real Chromium; on a loaded 2-core machine 120 s was not enough (a timeout, not a fault).
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
