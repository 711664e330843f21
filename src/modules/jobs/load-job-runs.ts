import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobRuns } from '../../db/schema/index.js';
import type { JobRun } from './queue.js';

export interface JobRunsOverview {
  counts: Record<'queued' | 'running' | 'done' | 'failed', number>;
  failed: JobRun[];
  waiting: JobRun[];
  /** The last finished run of each job: shows the schedule is alive even when nothing needed doing. */
  latest: JobRun[];
  /** Finished runs that did something (a count in their result that is not 0), latest first. */
  recent: JobRun[];
}

/** A run whose result has some value other than 0 or null: the outbox pass that sent mail, not the idle ones. */
const didSomething = sql`exists (select 1 from jsonb_each(${jobRuns.result}) as e where e.value not in ('0'::jsonb, 'null'::jsonb))`;

/** What /admin/jobs shows: the dead letter first, then what waits or runs, then the latest runs. */
export async function loadJobRuns(db: Database, limit = 50): Promise<JobRunsOverview> {
  const counts = await db.select({ status: jobRuns.status, n: sql<number>`count(*)::int` }).from(jobRuns).groupBy(jobRuns.status);
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const [failed, queued, running, latest, recent] = await Promise.all([
    db.select().from(jobRuns).where(eq(jobRuns.status, 'failed')).orderBy(desc(jobRuns.finishedAt)).limit(limit),
    db.select().from(jobRuns).where(eq(jobRuns.status, 'queued')).orderBy(jobRuns.runAt).limit(limit),
    db.select().from(jobRuns).where(eq(jobRuns.status, 'running')).orderBy(jobRuns.startedAt).limit(limit),
    db.selectDistinctOn([jobRuns.name]).from(jobRuns).where(eq(jobRuns.status, 'done')).orderBy(jobRuns.name, desc(jobRuns.finishedAt)),
    db.select().from(jobRuns).where(and(eq(jobRuns.status, 'done'), didSomething)).orderBy(desc(jobRuns.finishedAt)).limit(limit),
  ]);
  return {
    counts: { queued: count('queued'), running: count('running'), done: count('done'), failed: count('failed') },
    failed, waiting: [...running, ...queued], latest, recent,
  };
}

/** One run, for the retry confirmation page. */
export async function loadJobRun(db: Database, id: string): Promise<JobRun | null> {
  const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
  return run ?? null;
}
