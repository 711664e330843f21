import type { FastifyInstance } from 'fastify';
import { loadSettings } from '../../src/config.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { buildApp } from '../../src/web/app.js';
import type { RateLimits } from '../../src/web/setup/rate-limits.js';

/** A controllable clock for timeouts and deadlines. */
export class TestClock {
  constructor(public current = new Date('2026-03-02T10:00:00Z')) {}
  now = () => this.current;
  advanceMinutes(m: number) {
    this.current = new Date(this.current.getTime() + m * 60_000);
  }
}

/** Tests sign dozens of people in from one address (127.0.0.1) within a minute: the per-address
 *  limits are lifted for them, and src/web/setup/rate-limits.test.ts proves the real ones. */
export const TEST_RATE_LIMITS: RateLimits = { signInPerMinute: 100_000, apiPerMinute: 100_000 };

export async function testApp(database: DatabaseHandle, options: { clock?: TestClock; env?: NodeJS.ProcessEnv; rateLimits?: RateLimits } = {}): Promise<FastifyInstance> {
  const settings = loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONVENE_DATA_DIR: '/tmp/convene-test-unused', ...options.env });
  const clock = options.clock ?? new TestClock();
  return buildApp({ settings, database, clock: clock.now, logger: false, rateLimits: options.rateLimits ?? TEST_RATE_LIMITS });
}
