import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../config.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { buildApp } from '../../web/app.js';
import { seedDemo } from '../demo/seed-demo.js';
import { jobQueueStatus } from './job-queue-status.js';
import { childrenWithTwoReviewRequests, conferenceNeedingReports, DAY_START, handClock, remindersPerInvitation, runsOf } from './jobs-fixture.test-support.js';

describe('the server in one process on PGlite runs the same jobs [pglite]', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    await database.migrate();
  });
  afterAll(async () => database.close());

  it('starts its worker with the app: reviews are requested and reminders queued on start, once per hour after, and it stops with the app', async () => {
    const time = handClock(DAY_START);
    await seedDemo(database.db, { password: 'single-process-demo', dataDir: '/tmp/convene-jobs-unused', pack: 'national', now: time.clock() });
    const invited = await conferenceNeedingReports(database.db);
    const settings = loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONVENE_DATA_DIR: '/tmp/convene-test-unused' });
    const app = await buildApp({ settings, database, clock: time.clock, logger: false, scheduledSweeps: true });
    const worker = app.convene.jobs!;
    expect(worker.running).toBe(false);
    await app.ready();
    expect(worker.running).toBe(true);

    // The worker polls by itself; the hour's slots run without the test ticking.
    await expect.poll(async () => (await runsOf(database.db)).filter((r) => r.status === 'done').map((r) => r.name).sort(), { timeout: 15_000 })
      .toEqual(['job-housekeeping', 'planner-statistics', 'report-reminders', 'review-requests']);
    expect(await remindersPerInvitation(database.db, invited)).toEqual([1, 1, 1]);
    const [reviews] = await runsOf(database.db, 'review-requests');
    expect(Number(reviews!.result?.requested)).toBeGreaterThan(0);

    time.advance(60 * 60_000);
    await worker.tick();
    expect((await runsOf(database.db, 'review-requests')).map((r) => [r.slot, r.status])).toEqual([
      ['2026-12-07T08:00:00.000Z', 'done'], ['2026-12-07T09:00:00.000Z', 'done'],
    ]);
    expect(await remindersPerInvitation(database.db, invited)).toEqual([1, 1, 1]);
    expect(await childrenWithTwoReviewRequests(database.db)).toEqual([]);
    expect(await jobQueueStatus(database.db, { now: time.clock(), worker })).toEqual({ running: true, queued: 0, inProgress: 0, failed: 0, oldestQueuedAgeSeconds: 0 });

    await app.close();
    expect(worker.running).toBe(false);
  }, 60_000);
});
