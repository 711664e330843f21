import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobRuns } from '../../db/schema/index.js';
import { mayManageJobs } from '../../policies/jobs.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';

/** Puts a failed run (the dead letter) back in the queue with a fresh count of attempts, once its cause is fixed. */
export async function retryJobRun(db: Database, context: ActionContext, runId: string): Promise<void> {
  if (!mayManageJobs(context.actor)) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(jobRuns)
      .set({ status: 'queued', attempts: 0, runAt: context.now, finishedAt: null })
      .where(and(eq(jobRuns.id, runId), eq(jobRuns.status, 'failed')))
      .returning({ id: jobRuns.id, name: jobRuns.name, slot: jobRuns.slot });
    if (!row) throw new ConflictError('Only a failed run can be retried, and this one is not failed (any more).');
    await recordAudit(tx, context, { action: 'job-run-retried', recordType: 'job-run', recordId: runId, details: { job: row.name, slot: row.slot } });
  });
}
