import type { Database } from '../../db/client.js';
import type { RetryPolicy, Schedule } from '../../domain/jobs/schedule.js';

/**
 * A scheduled job is a plain async function of the database and the instant it runs at (from the
 * app clock). It must be safe to run again after a crash part-way: the queue runs each schedule
 * slot once, but a run whose instance died is taken over and run again from the start.
 */
export interface JobDefinition {
  name: string;
  /** What an administrator reads on /admin/jobs. */
  title: string;
  schedule: Schedule;
  run(db: Database, now: Date): Promise<Record<string, unknown> | void>;
  retry?: RetryPolicy;
  /**
   * May start a slot while another instance still runs an earlier one. Only for jobs that claim
   * their own work row by row (the outbox's SKIP LOCKED leases), so a killed instance's run does not
   * hold the job back until its lease lapses; the sweeps check-then-write and must not overlap.
   */
  overlaps?: boolean;
}
