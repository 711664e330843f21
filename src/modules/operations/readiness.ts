import type { Database, DatabaseHandle } from '../../db/client.js';
import { migrationStatus } from '../../db/migration-status.js';
import { jobQueueStatus } from '../jobs/job-queue-status.js';

/** One line of /ready: whether a dependency is usable, and a short reason an operator can act on. */
export interface CheckResult {
  ok: boolean;
  detail: string;
}

export type ReadinessCheck = () => Promise<CheckResult>;

/** A check that has not answered within `ms` counts as failed: a hung database must not hang /ready. */
export async function withTimeout(check: ReadinessCheck, ms: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([
      check().catch((error: unknown) => ({ ok: false, detail: error instanceof Error ? error.message : String(error) })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkDatabase(database: DatabaseHandle): Promise<CheckResult> {
  return (await database.ping()) ? { ok: true, detail: 'reachable' } : { ok: false, detail: 'unreachable' };
}

/** Current when every migration this build knows is applied; an older build on a newer database is current too. */
export async function checkMigrations(database: DatabaseHandle): Promise<CheckResult> {
  const status = await migrationStatus(database);
  const applied = new Set(status.applied);
  const missing = status.known.filter((m) => !applied.has(m.hash)).map((m) => m.tag);
  if (missing.length === 0) return { ok: true, detail: `${status.known.length} of ${status.known.length} applied` };
  return { ok: false, detail: `${missing.length} not applied: ${missing.join(', ')}` };
}

/** This instance's job worker is started and not stopped; the detail gives the shared queue's counts. */
export async function checkJobQueue(db: Database, worker: { running: boolean }, now: Date): Promise<CheckResult> {
  if (!worker.running) return { ok: false, detail: 'the job worker is not running' };
  const status = await jobQueueStatus(db, { now, worker });
  return { ok: true, detail: `running: ${status.queued} queued, ${status.inProgress} in progress, ${status.failed} failed` };
}
