import { and, eq, lte, min, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobRuns } from '../../db/schema/index.js';

export interface JobQueueStatus {
  /** This process's worker is started and not stopped (false when there is none). */
  running: boolean;
  /** Runs waiting, due or not yet due (retries wait for their backoff). */
  queued: number;
  /** Runs some instance holds now. */
  inProgress: number;
  /** The dead letter: runs that used every attempt, waiting for an administrator. */
  failed: number;
  /** How long the longest-waiting due run has waited since it was due (0 when none is). */
  oldestQueuedAgeSeconds: number;
}

/** The queue's health for /ready and /metrics. `now` comes from the app clock. */
export async function jobQueueStatus(db: Database, options: { now: Date; worker?: { running: boolean } | null }): Promise<JobQueueStatus> {
  const counts = await db.select({ status: jobRuns.status, n: sql<number>`count(*)::int` }).from(jobRuns).groupBy(jobRuns.status);
  const [oldest] = await db.select({ at: min(jobRuns.runAt) }).from(jobRuns).where(and(eq(jobRuns.status, 'queued'), lte(jobRuns.runAt, options.now)));
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const oldestAt = oldest?.at ? new Date(oldest.at) : null;
  return {
    running: options.worker?.running ?? false,
    queued: count('queued'),
    inProgress: count('running'),
    failed: count('failed'),
    oldestQueuedAgeSeconds: oldestAt ? Math.max(0, Math.floor((options.now.getTime() - oldestAt.getTime()) / 1000)) : 0,
  };
}
