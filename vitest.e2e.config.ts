import { defineConfig } from 'vitest/config';

// Browser journeys in real Chromium: slower, so kept apart from the unit and integration run.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
