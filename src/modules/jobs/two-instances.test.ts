import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { isPostgresAvailable } from '../../../test/support/database.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';
import { everySeconds } from '../../domain/jobs/schedule.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { JobDefinition } from './job-definition.js';
import {
  childrenWithTwoReviewRequests, conferenceNeedingReports, createPostgresDatabase, DAY_START, handClock, recordingTransport, remindersPerInvitation, runsOf,
} from './jobs-fixture.test-support.js';
import { scheduledJobs } from './scheduled-jobs.js';
import { createJobWorker } from './worker.js';

const postgresUp = await isPostgresAvailable();
const MINUTE = 60_000;

/** Counts every time a job body actually starts, per worker: the proof that a slot ran once. */
function counted(jobs: JobDefinition[], tally: Map<string, number>): JobDefinition[] {
  return jobs.map((job) => ({ ...job, run: async (db, now) => {
    tally.set(job.name, (tally.get(job.name) ?? 0) + 1);
    return job.run(db, now);
  } }));
}

(postgresUp ? describe : describe.skip)('two instances on one PostgreSQL database [postgres]', () => {
  const databases: Awaited<ReturnType<typeof createPostgresDatabase>>[] = [];
  const handles: DatabaseHandle[] = [];
  /** A fresh database per test, and as many pools (instances) on it as the test asks for. */
  const instancesOnNewDatabase = async (count: number) => {
    const database = await createPostgresDatabase();
    databases.push(database);
    const opened: DatabaseHandle[] = [];
    for (let i = 0; i < count; i += 1) {
      const handle = await openDatabase({ url: database.url });
      handles.push(handle);
      opened.push(handle);
    }
    await opened[0]!.migrate();
    return opened;
  };

  afterAll(async () => {
    for (const h of handles) await h.close().catch(() => undefined);
    for (const d of databases) await d.drop();
  });

  /**
   * Two instances on a fresh database: A starts the 08:00 pass of the hourly job (told to hold, it stays
   * in it) and the clock moves on to the 09:00 slot; B runs the job unheld. Leases are longer than the
   * hour the clock moves, so A's stays live (as its heartbeat would keep it).
   */
  const aStillRunningAtNine = async (jobs: (hold: boolean) => JobDefinition[], started: () => number) => {
    const [a, b] = (await instancesOnNewDatabase(2)) as [DatabaseHandle, DatabaseHandle];
    const time = handClock(new Date('2026-12-07T08:00:00Z'));
    const leaseMs = 2 * 60 * MINUTE;
    const workerA = createJobWorker({ db: a.db, jobs: jobs(true), clock: time.clock, workerId: 'instance-a', leaseMs });
    const workerB = createJobWorker({ db: b.db, jobs: jobs(false), clock: time.clock, workerId: 'instance-b', leaseMs });
    const passA = workerA.tick();
    await expect.poll(started, { timeout: 10_000 }).toBe(1);
    time.set(new Date('2026-12-07T09:00:01Z'));
    return { b, workerB, passA };
  };

  /**
   * Two instances at 09:00 on a fresh database holding a conference whose reports are due, both with
   * the real report-reminders job as `onA` and `onB` make it. A's worker sends no heartbeat, so its
   * short lease lapses unless it finishes: what a killed instance leaves behind.
   */
  const reportRemindersOnTwo = async (onA: (real: JobDefinition[]) => JobDefinition[], onB = (real: JobDefinition[]) => real) => {
    const [a, b] = (await instancesOnNewDatabase(2)) as [DatabaseHandle, DatabaseHandle];
    const time = handClock(new Date('2026-12-07T09:00:00Z'));
    const invited = await conferenceNeedingReports(a.db);
    const real = scheduledJobs({ pack: 'national', sweeps: true }).jobs.filter((j) => j.name === 'report-reminders');
    const leaseMs = 2 * MINUTE;
    const workerA = createJobWorker({ db: a.db, jobs: onA(real), clock: time.clock, workerId: 'instance-a', leaseMs, heartbeatMs: 3_600_000 });
    const workerB = createJobWorker({ db: b.db, jobs: onB(real), clock: time.clock, workerId: 'instance-b', leaseMs });
    return { a, b, time, invited, leaseMs, workerA, workerB };
  };

  it('drive the demo through a day of jobs on two workers: every slot runs once, every reminder, review request and email happens exactly once', async () => {
    const [a, b] = (await instancesOnNewDatabase(2)) as [DatabaseHandle, DatabaseHandle];
    const time = handClock(DAY_START);
    await seedDemo(a.db, { password: 'two-instances-demo-pass', dataDir: '/tmp/convene-jobs-unused', pack: 'national', now: time.clock() });
    const invited = await conferenceNeedingReports(a.db);

    // Two instances, each its own pool, its own transport and its own worker; the outbox every 15 minutes so a day is 96 steps.
    const mailA = recordingTransport();
    const mailB = recordingTransport();
    const tallyA = new Map<string, number>();
    const tallyB = new Map<string, number>();
    const jobsOf = (transport: typeof mailA) => scheduledJobs({ pack: 'national', sweeps: true, transport, schedules: { outbox: everySeconds(15 * 60) } }).jobs;
    const workerA = createJobWorker({ db: a.db, jobs: counted(jobsOf(mailA), tallyA), clock: time.clock, workerId: 'instance-a' });
    const workerB = createJobWorker({ db: b.db, jobs: counted(jobsOf(mailB), tallyB), clock: time.clock, workerId: 'instance-b' });

    const began = performance.now();
    for (let step = 0; step <= 96; step += 1) {
      time.set(new Date(DAY_START.getTime() + step * 15 * MINUTE));
      await Promise.all([workerA.tick(), workerB.tick()]);
    }

    const elapsedMs = Math.round(performance.now() - began);
    const runs = await runsOf(a.db);
    // Each job's slots over the day: one row per slot, each done on the first attempt.
    const slots = (name: string) => runs.filter((r) => r.name === name).map((r) => r.slot);
    expect(slots('review-requests')).toHaveLength(25); // 08:00 on Monday … 08:00 on Tuesday
    expect(slots('report-reminders')).toHaveLength(25);
    expect(slots('outbox')).toHaveLength(97);
    expect(slots('job-housekeeping')).toHaveLength(25); // 07:30 on Monday … 07:30 on Tuesday
    expect(runs.filter((r) => r.status !== 'done' || r.attempts !== 1)).toEqual([]);
    // Each run's body started exactly once, on one instance or the other; both instances worked.
    for (const name of ['review-requests', 'report-reminders', 'outbox', 'job-housekeeping']) {
      expect((tallyA.get(name) ?? 0) + (tallyB.get(name) ?? 0), name).toBe(slots(name).length);
    }
    expect(new Set(runs.map((r) => r.lockedBy))).toEqual(new Set([null]));
    const total = (tally: Map<string, number>) => [...tally.values()].reduce((x, y) => x + y, 0);
    console.log(`two instances, one day: ${runs.length} runs in ${elapsedMs} ms over 97 steps; instance A ran ${total(tallyA)}, instance B ${total(tallyB)}`);
    expect(total(tallyA)).toBeGreaterThan(0);
    expect(total(tallyB)).toBeGreaterThan(0);

    // The effects: one reminder per professional; reviews requested, none twice; every email sent once.
    expect(await remindersPerInvitation(a.db, invited)).toEqual([1, 1, 1]);
    const requested = runs.filter((r) => r.name === 'review-requests').reduce((n, r) => n + Number(r.result?.requested ?? 0), 0);
    expect(requested).toBeGreaterThan(0);
    expect(await childrenWithTwoReviewRequests(a.db)).toEqual([]);
    const emails = await a.db.select().from(outboxMessages).where(eq(outboxMessages.channel, 'email'));
    expect(emails.length).toBeGreaterThanOrEqual(3);
    expect(emails.filter((m) => m.status !== 'sent')).toEqual([]);
    const sent = [...mailA.sent, ...mailB.sent].map((m) => `${m.to} | ${m.subject}`).sort();
    expect(sent).toEqual(emails.map((m) => `${m.toAddress} | ${m.subject}`).sort());
  }, 120_000);

  it('a job still running on one instance is not started for its next slot on the other until it finishes: two passes of a sweep never overlap', async () => {
    let running = 0;
    let most = 0;
    let finishA: () => void = () => undefined;
    let holding = false;
    const sweep = (hold: boolean): JobDefinition[] => [{ name: 'slow-sweep', title: 'A sweep that takes a while', schedule: everySeconds(3600), run: async () => {
      running += 1;
      most = Math.max(most, running);
      if (hold && !holding) {
        holding = true;
        await new Promise<void>((resolve) => { finishA = resolve; });
      }
      running -= 1;
      return { swept: 1 };
    } }];
    const { b, workerB, passA } = await aStillRunningAtNine(sweep, () => running);
    // The 09:00 slot is due while A's 08:00 pass still runs (its lease is live): B queues it and leaves it.
    expect(await workerB.tick()).toBe(0);
    expect((await runsOf(b.db, 'slow-sweep')).map((r) => [r.slot, r.status])).toEqual([['2026-12-07T08:00:00.000Z', 'running'], ['2026-12-07T09:00:00.000Z', 'queued']]);
    finishA();
    // A, free again, or B takes the 09:00 slot: one of them, once.
    const [ranA, ranB] = [await passA, await workerB.tick()];
    expect(ranA + ranB).toBe(2);
    expect((await runsOf(b.db, 'slow-sweep')).map((r) => r.status)).toEqual(['done', 'done']);
    expect(most).toBe(1);
  }, 60_000);

  it('a job that claims its own work row by row (overlaps, as the outbox) runs its next slot beside a run still in progress', async () => {
    let release: () => void = () => undefined;
    let started = 0;
    const job = (hold: boolean): JobDefinition[] => [{ name: 'claiming-sweep', title: 'Claims its rows', schedule: everySeconds(3600), overlaps: true, run: async () => {
      started += 1;
      if (hold) await new Promise<void>((resolve) => { release = resolve; });
      return {};
    } }];
    const { b, workerB, passA } = await aStillRunningAtNine(job, () => started);
    expect(await workerB.tick()).toBe(1);
    expect((await runsOf(b.db, 'claiming-sweep')).map((r) => r.status)).toEqual(['running', 'done']);
    release();
    expect(await passA).toBe(1);
  }, 60_000);

  it('an instance killed mid-job: the other takes the run over once the lease lapses, and nothing is lost or doubled', async () => {
    let startedOnA = 0;
    const tallyB = new Map<string, number>();
    // Instance A's job starts and then never finishes, as if the process hung or died inside it.
    const hanging = (real: JobDefinition[]) => real.map((job) => ({ ...job, run: async () => {
      startedOnA += 1;
      await new Promise<never>(() => undefined);
    } }));
    const { a, b, time, invited, leaseMs, workerA, workerB } = await reportRemindersOnTwo(hanging, (real) => counted(real, tallyB));

    void workerA.tick();
    await expect.poll(() => startedOnA, { timeout: 10_000 }).toBe(1);
    const [held] = await runsOf(b.db, 'report-reminders');
    expect(held).toMatchObject({ status: 'running', lockedBy: 'instance-a', attempts: 1 });
    // A dies: no release, no heartbeat, its connections gone.
    workerA.kill();
    await a.close();

    // While A's lease stands, B leaves the run alone.
    time.advance(leaseMs - 1000);
    expect(await workerB.tick()).toBe(0);
    expect(await remindersPerInvitation(b.db, invited)).toEqual([0, 0, 0]);

    // Once it lapses, B takes the run over and does it; a later slot finds nothing left to remind.
    time.advance(2000);
    expect(await workerB.tick()).toBe(1);
    const [takenOver] = await runsOf(b.db, 'report-reminders');
    expect(takenOver).toMatchObject({ status: 'done', attempts: 2, lockedBy: null, result: { reminded: 3 } });
    expect(takenOver!.lastError).toMatch(/lease ran out/);
    expect(await remindersPerInvitation(b.db, invited)).toEqual([1, 1, 1]);

    time.set(new Date('2026-12-07T10:00:00Z'));
    expect(await workerB.tick()).toBe(1);
    expect(await remindersPerInvitation(b.db, invited)).toEqual([1, 1, 1]);
    expect((await runsOf(b.db, 'report-reminders')).map((r) => [r.status, r.result])).toEqual([['done', { reminded: 3 }], ['done', { reminded: 0 }]]);
    expect(tallyB.get('report-reminders')).toBe(2);
    expect(startedOnA).toBe(1);
  }, 60_000);
  it('an instance killed after its job’s work committed but before the run was marked done: the takeover runs it again and doubles nothing', async () => {
    let finishedWorkOnA = false;
    const dyingAfterWork = (real: JobDefinition[]) => real.map((job) => ({ ...job, run: async (db: Parameters<JobDefinition['run']>[0], now: Date) => {
      await job.run(db, now);
      finishedWorkOnA = true;
      await new Promise<never>(() => undefined);
    } }));
    const { a, b, time, invited, leaseMs, workerA, workerB } = await reportRemindersOnTwo(dyingAfterWork);

    void workerA.tick();
    await expect.poll(() => finishedWorkOnA, { timeout: 10_000 }).toBe(true);
    workerA.kill();
    await a.close();
    expect(await remindersPerInvitation(b.db, invited)).toEqual([1, 1, 1]);

    time.advance(leaseMs + 1000);
    expect(await workerB.tick()).toBe(1);
    const [run] = await runsOf(b.db, 'report-reminders');
    expect(run).toMatchObject({ status: 'done', attempts: 2, result: { reminded: 0 } });
    expect(await remindersPerInvitation(b.db, invited)).toEqual([1, 1, 1]);
  }, 60_000);
});
