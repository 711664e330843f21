import { describe, expect, it } from 'vitest';
import { runCrashTest, type CrashEngine } from '../../scripts/crash-test.js';
import { isPostgresAvailable } from '../support/database.js';

/**
 * CI's short run of `npm run crash-test` (which does 50 cycles per engine): the same script, three
 * SIGKILL cycles per engine, so CI proves the script works and that no acknowledged write is lost.
 * PostgreSQL is skipped loudly when down outside CI (test/support/database.ts fails CI instead).
 */
const postgresUp = await isPostgresAvailable();
const CYCLES = Number(process.env.CRASH_CYCLES ?? 3);

describe('npm run crash-test, short: SIGKILL while writing loses no acknowledged write', () => {
  for (const engine of ['pglite', 'postgres'] as CrashEngine[]) {
    (engine === 'postgres' && !postgresUp ? it.skip : it)(`${engine}: ${CYCLES} cycles`, async () => {
      const lines: string[] = [];
      const [result] = await runCrashTest({ engines: [engine], cycles: CYCLES, writers: 3, log: (line) => lines.push(line) });
      console.log(lines.join('\n'));
      expect(result).toMatchObject({ engine, cycles: CYCLES, lost: 0, restartFailures: 0 });
      expect(result!.acknowledged).toBeGreaterThan(0);
    }, 900_000);
  }
});
