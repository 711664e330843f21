import { defineConfig } from 'vitest/config';

// Browser journeys in real Chromium: slower, so kept apart from the unit and integration run.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    // A journey is minutes of real Chromium; on a loaded 2-core machine 120 s was not enough (a timeout, not a fault).
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each journey has its own app on a free port, its own in-memory database and its own Chromium,
    // so two run at once: much of a journey is waiting on the browser. CONVENE_E2E_WORKERS=1 runs them one by one.
    fileParallelism: true,
    maxWorkers: Number(process.env.CONVENE_E2E_WORKERS ?? 2),
  },
});
