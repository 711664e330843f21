import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant, id } from './columns.js';

/**
 * The job queue: one row per run of a scheduled job. (name, slot) is unique, so however many
 * instances enqueue the same schedule slot, one run exists; a worker claims a run with
 * FOR UPDATE SKIP LOCKED and holds it under a lease (locked_until) that a crashed worker stops
 * renewing, so another takes it over. After max_attempts failures it is 'failed': the dead letter.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    ...id(),
    name: text('name').notNull(),
    /** The schedule slot's start as an ISO instant, or `retry:<id>` style keys for runs asked for by hand. */
    slot: text('slot').notNull(),
    status: text('status').notNull().default('queued'), // queued | running | done | failed
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    runAt: instant('run_at').notNull(),
    lockedBy: text('locked_by'),
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: instant('created_at').notNull(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
  },
  (t) => [uniqueIndex('job_runs_name_slot').on(t.name, t.slot), index('job_runs_due').on(t.status, t.runAt), index('job_runs_finished').on(t.status, t.finishedAt)],
);
