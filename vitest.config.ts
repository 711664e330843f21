import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bin/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (cores - 1) gives one worker on a 2-core machine; most test files wait on
    // PostgreSQL or PGlite I/O, so two workers keep both cores busy; CONVENE_TEST_WORKERS overrides it.
    maxWorkers: Number(process.env.CONVENE_TEST_WORKERS ?? 2),
  },
});
