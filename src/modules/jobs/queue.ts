import { and, asc, eq, gt, inArray, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobRuns } from '../../db/schema/index.js';
import { afterFailure, DEFAULT_RETRY, slotKey, slotStart, type RetryPolicy } from '../../domain/jobs/schedule.js';
import type { JobDefinition } from './job-definition.js';

export type JobRun = typeof jobRuns.$inferSelect;

/**
 * Puts each job's current schedule slot in the queue. Every instance does this on every poll;
 * the unique (name, slot) key makes all but the first insert do nothing, so a slot runs once.
 * Missed slots (every instance was down) are not made up: the jobs are sweeps that catch up.
 */
export async function enqueueDueSlots(db: Database, jobs: readonly JobDefinition[], now: Date): Promise<number> {
  if (jobs.length === 0) return 0;
  const inserted = await db
    .insert(jobRuns)
    .values(jobs.map((job) => ({
      name: job.name, slot: slotKey(job.schedule, now), runAt: slotStart(job.schedule, now),
      maxAttempts: (job.retry ?? DEFAULT_RETRY).maxAttempts, createdAt: now,
    })))
    .onConflictDoNothing({ target: [jobRuns.name, jobRuns.slot] })
    .returning({ id: jobRuns.id });
  return inserted.length;
}

const LEASE_LAPSED_MESSAGE = 'The instance running it stopped before finishing (its lease ran out).';

/** Serialises claims across instances (held to the end of the claim's transaction only). */
const CLAIM_LOCK_KEY = 7162024100;

/**
 * Takes the oldest due run of one of `names` for this worker: a queued run whose time has come, or
 * a running one whose lease has lapsed (its instance died). FOR UPDATE SKIP LOCKED means two
 * workers never take the same row; the lease is the claim after the transaction commits.
 *
 * A job whose run is still in progress elsewhere (a live lease) is not started again for a later
 * slot: the sweeps check-then-write per record, so two passes of one job at once could both write
 * (two instances each requesting a child's review, found by the two-instance load test, where one
 * 08:00 pass over a thousand plans ran into 09:00). The later slot waits and runs after it. Claims
 * take a transaction-scoped advisory lock, so a claim sees every run claimed before it. Jobs named
 * in `overlapping` (JobDefinition.overlaps: the outbox) are exempt.
 */
export async function claimNextRun(db: Database, options: { names: readonly string[]; workerId: string; now: Date; leaseMs: number; overlapping?: readonly string[] }): Promise<JobRun | null> {
  const { names, workerId, now, leaseMs } = options;
  const overlapping = options.overlapping ?? [];
  if (names.length === 0) return null;
  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`);
      const inProgress = tx.select({ name: jobRuns.name }).from(jobRuns)
        .where(and(eq(jobRuns.status, 'running'), gt(jobRuns.lockedUntil, now), overlapping.length ? notInArray(jobRuns.name, [...overlapping]) : undefined));
      const [due] = await tx
        .select({ id: jobRuns.id, status: jobRuns.status, attempts: jobRuns.attempts, maxAttempts: jobRuns.maxAttempts })
        .from(jobRuns)
        .where(and(
          inArray(jobRuns.name, [...names]),
          or(and(eq(jobRuns.status, 'queued'), lte(jobRuns.runAt, now)), and(eq(jobRuns.status, 'running'), lte(jobRuns.lockedUntil, now))),
          notInArray(jobRuns.name, inProgress),
        ))
        .orderBy(asc(jobRuns.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return { kind: 'none' as const };
      const lapsed = due.status === 'running';
      if (lapsed && due.attempts >= due.maxAttempts) {
        // Its last attempt died with its instance: that is a failure like any other.
        await tx.update(jobRuns).set({ status: 'failed', lastError: LEASE_LAPSED_MESSAGE, lockedBy: null, lockedUntil: null, finishedAt: now }).where(eq(jobRuns.id, due.id));
        return { kind: 'again' as const };
      }
      const [run] = await tx
        .update(jobRuns)
        .set({
          status: 'running', attempts: sql`${jobRuns.attempts} + 1`, lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs), startedAt: now,
          ...(lapsed ? { lastError: LEASE_LAPSED_MESSAGE } : {}),
        })
        .where(eq(jobRuns.id, due.id))
        .returning();
      return { kind: 'claimed' as const, run: run! };
    });
    if (outcome.kind === 'none') return null;
    if (outcome.kind === 'claimed') return outcome.run;
  }
}

/** Only the worker holding the lease may finish a run: a run taken over elsewhere is no longer ours. */
function held(run: JobRun, workerId: string) {
  return and(eq(jobRuns.id, run.id), eq(jobRuns.status, 'running'), eq(jobRuns.lockedBy, workerId));
}

/** Marks the run done; false if the lease was lost (another worker took it over meanwhile). */
export async function completeRun(db: Database, run: JobRun, workerId: string, now: Date, result: Record<string, unknown> | null): Promise<boolean> {
  const rows = await db.update(jobRuns).set({ status: 'done', finishedAt: now, lockedBy: null, lockedUntil: null, result }).where(held(run, workerId)).returning({ id: jobRuns.id });
  return rows.length > 0;
}

/** Records a failed attempt: back in the queue after the backoff, or failed (the dead letter) when none are left. */
export async function failRun(db: Database, run: JobRun, workerId: string, now: Date, error: string, policy: RetryPolicy = DEFAULT_RETRY): Promise<'queued' | 'failed' | 'lost'> {
  const next = afterFailure(run.attempts, now, { ...policy, maxAttempts: run.maxAttempts });
  const rows = await db
    .update(jobRuns)
    .set(next.status === 'failed'
      ? { status: 'failed', lastError: error.slice(0, 2000), finishedAt: now, lockedBy: null, lockedUntil: null }
      : { status: 'queued', lastError: error.slice(0, 2000), runAt: next.runAt, lockedBy: null, lockedUntil: null })
    .where(held(run, workerId))
    .returning({ id: jobRuns.id });
  return rows.length > 0 ? next.status : 'lost';
}

/** Renews the lease of a run still in progress (the worker's heartbeat). */
export async function extendLease(db: Database, run: JobRun, workerId: string, until: Date): Promise<boolean> {
  const rows = await db.update(jobRuns).set({ lockedUntil: until }).where(held(run, workerId)).returning({ id: jobRuns.id });
  return rows.length > 0;
}

/** Hands an unfinished run back on a graceful stop, without counting the attempt against it. */
export async function releaseRun(db: Database, run: JobRun, workerId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ status: 'queued', runAt: now, lockedBy: null, lockedUntil: null, attempts: sql`greatest(${jobRuns.attempts} - 1, 0)` })
    .where(held(run, workerId))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}

/**
 * Finished runs are kept a while for the administrator's view, then removed; failed ones stay
 * until retried. Runs of the frequent jobs (`frequent`, e.g. the outbox every few seconds) go sooner.
 */
export async function pruneFinishedRuns(db: Database, olderThan: Date, frequent: { names: readonly string[]; olderThan: Date } | null = null): Promise<number> {
  const old = lt(jobRuns.finishedAt, olderThan);
  const stale = frequent && frequent.names.length > 0 ? or(old, and(inArray(jobRuns.name, [...frequent.names]), lt(jobRuns.finishedAt, frequent.olderThan))) : old;
  const rows = await db.delete(jobRuns).where(and(eq(jobRuns.status, 'done'), stale)).returning({ id: jobRuns.id });
  return rows.length;
}
