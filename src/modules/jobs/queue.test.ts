import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { auditEvents, jobRuns } from '../../db/schema/index.js';
import { hourly } from '../../domain/jobs/schedule.js';
import type { Actor } from '../../policies/roles.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import type { JobDefinition } from './job-definition.js';
import { jobQueueStatus } from './job-queue-status.js';
import { handClock, runsOf } from './jobs-fixture.test-support.js';
import { loadJobRuns } from './load-job-runs.js';
import { enqueueDueSlots, pruneFinishedRuns } from './queue.js';
import { retryJobRun } from './retry-job-run.js';
import { createJobWorker } from './worker.js';

const SECOND = 1000;

describeEachEngine('job queue', (engine) => {
  const { db } = suiteDatabase(engine);

  it('retries a failing job with doubling waits, then puts it in the dead letter; an administrator retries it and it runs (audited)', async () => {
    const time = handClock(new Date('2026-12-07T09:00:00Z'));
    let failing = true;
    let calls = 0;
    const job: JobDefinition = {
      name: 'flaky', title: 'Flaky', schedule: hourly(), retry: { maxAttempts: 3, baseDelaySeconds: 30, maxDelaySeconds: 3600 },
      run: async () => {
        calls += 1;
        if (failing) throw new Error(`mail server refused (call ${calls})`);
        return { ok: 1 };
      },
    };
    const worker = createJobWorker({ db: db(), jobs: [job], clock: time.clock, workerId: 'w1' });

    expect(await worker.tick()).toBe(1);
    let [run] = await runsOf(db(), 'flaky');
    expect(run).toMatchObject({ status: 'queued', attempts: 1, lastError: 'mail server refused (call 1)', runAt: new Date('2026-12-07T09:00:30Z') });

    time.advance(29 * SECOND);
    expect(await worker.tick()).toBe(0); // not yet: the backoff holds it
    time.advance(1 * SECOND);
    expect(await worker.tick()).toBe(1);
    [run] = await runsOf(db(), 'flaky');
    expect(run).toMatchObject({ status: 'queued', attempts: 2, runAt: new Date('2026-12-07T09:01:30Z') }); // 60 s after the second failure

    time.advance(60 * SECOND);
    expect(await worker.tick()).toBe(1);
    [run] = await runsOf(db(), 'flaky');
    expect(run).toMatchObject({ status: 'failed', attempts: 3, lastError: 'mail server refused (call 3)' });
    expect(await jobQueueStatus(db(), { now: time.clock(), worker })).toEqual({ running: false, queued: 0, inProgress: 0, failed: 1, oldestQueuedAgeSeconds: 0 });
    const overview = await loadJobRuns(db());
    expect(overview.failed.map((r) => r.id)).toEqual([run!.id]);

    // Only an administrator may retry, and only a failed run.
    const org = await createOrganisation(db());
    const admin = await createUser(db(), { roles: ['administrator'], organisationId: org.id });
    const chair = await createUser(db(), { roles: ['chair'], organisationId: org.id });
    const actor = (u: typeof admin): Actor => ({ id: u.id, username: u.username, displayName: u.displayName, organisationId: org.id, teamId: null, roles: u.roles as Actor['roles'] });
    const context = (u: typeof admin) => ({ actor: actor(u), requestId: 'req-1', address: '127.0.0.1', now: time.clock() });
    await expect(retryJobRun(db(), context(chair), run!.id)).rejects.toBeInstanceOf(ForbiddenError);
    failing = false;
    await retryJobRun(db(), context(admin), run!.id);
    await expect(retryJobRun(db(), context(admin), run!.id)).rejects.toBeInstanceOf(ConflictError);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'job-run-retried'), eq(auditEvents.recordId, run!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: admin.id, details: { job: 'flaky', slot: '2026-12-07T09:00:00.000Z' } });

    time.advance(5 * SECOND);
    expect(await jobQueueStatus(db(), { now: time.clock() })).toMatchObject({ queued: 1, failed: 0, oldestQueuedAgeSeconds: 5 });
    expect(await worker.tick()).toBe(1);
    [run] = await runsOf(db(), 'flaky');
    expect(run).toMatchObject({ status: 'done', attempts: 1, result: { ok: 1 } });
    expect(calls).toBe(4);
  });

  it('enqueues a slot once however often it is asked, and the next slot when the hour turns', async () => {
    const job: JobDefinition = { name: 'sweep', title: 'Sweep', schedule: hourly(15), run: async () => undefined };
    const at = new Date('2026-12-07T10:20:00Z');
    expect(await Promise.all([enqueueDueSlots(db(), [job], at), enqueueDueSlots(db(), [job], at), enqueueDueSlots(db(), [job], new Date('2026-12-07T11:14:59Z'))])).toEqual(expect.arrayContaining([1, 0, 0]));
    expect(await enqueueDueSlots(db(), [job], new Date('2026-12-07T11:15:00Z'))).toBe(1);
    expect((await runsOf(db(), 'sweep')).map((r) => r.slot)).toEqual(['2026-12-07T10:15:00.000Z', '2026-12-07T11:15:00.000Z']);
  });

  it('on stop, finishes the running job if it can, else hands it back unfinished without counting the attempt', async () => {
    const time = handClock(new Date('2026-12-08T09:00:00Z'));
    let finish: () => void = () => undefined;
    const slow: JobDefinition = { name: 'slow', title: 'Slow', schedule: hourly(), run: () => new Promise<void>((resolve) => { finish = resolve; }) };

    const patient = createJobWorker({ db: db(), jobs: [slow], clock: time.clock, workerId: 'patient', drainMs: 5_000 });
    const ticked = patient.tick();
    await expect.poll(async () => (await runsOf(db(), 'slow'))[0]?.status).toBe('running');
    const stopped = patient.stop();
    finish();
    await stopped;
    await ticked;
    expect(await runsOf(db(), 'slow')).toMatchObject([{ status: 'done', attempts: 1 }]);

    time.set(new Date('2026-12-08T10:00:00Z'));
    const hasty = createJobWorker({ db: db(), jobs: [slow], clock: time.clock, workerId: 'hasty', drainMs: 50 });
    void hasty.tick();
    await expect.poll(async () => (await runsOf(db(), 'slow'))[1]?.status).toBe('running');
    await hasty.stop();
    const [, handedBack] = await runsOf(db(), 'slow');
    expect(handedBack).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null, runAt: new Date('2026-12-08T10:00:00Z') });
    // The abandoned body finishing later changes nothing: the run is no longer its.
    finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await runsOf(db(), 'slow'))[1]).toMatchObject({ status: 'queued' });
  });

  it('removes finished runs after their keeping time (frequent jobs sooner), never failed ones', async () => {
    await db().insert(jobRuns).values([
      { name: 'often', slot: 'd', status: 'done', maxAttempts: 1, runAt: new Date('2026-11-09T00:00:00Z'), createdAt: new Date('2026-11-09T00:00:00Z'), finishedAt: new Date('2026-11-09T00:00:01Z') },
      { name: 'often', slot: 'e', status: 'done', maxAttempts: 1, runAt: new Date('2026-11-09T23:00:00Z'), createdAt: new Date('2026-11-09T23:00:00Z'), finishedAt: new Date('2026-11-09T23:00:01Z') },
      { name: 'old', slot: 'a', status: 'done', maxAttempts: 1, runAt: new Date('2026-11-01T00:00:00Z'), createdAt: new Date('2026-11-01T00:00:00Z'), finishedAt: new Date('2026-11-01T00:00:01Z') },
      { name: 'old', slot: 'b', status: 'failed', maxAttempts: 1, runAt: new Date('2026-11-01T00:00:00Z'), createdAt: new Date('2026-11-01T00:00:00Z'), finishedAt: new Date('2026-11-01T00:00:01Z') },
      { name: 'old', slot: 'c', status: 'done', maxAttempts: 1, runAt: new Date('2026-11-20T00:00:00Z'), createdAt: new Date('2026-11-20T00:00:00Z'), finishedAt: new Date('2026-11-20T00:00:01Z') },
    ]);
    expect(await pruneFinishedRuns(db(), new Date('2026-11-05T00:00:00Z'), { names: ['often'], olderThan: new Date('2026-11-09T12:00:00Z') })).toBe(2);
    expect((await runsOf(db(), 'old')).map((r) => r.slot)).toEqual(['b', 'c']);
    expect((await runsOf(db(), 'often')).map((r) => r.slot)).toEqual(['e']);
  });
});
