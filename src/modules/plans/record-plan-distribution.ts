import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { coreGroupMeetings } from '../../db/schema/index.js';
import { mayKeepPlan } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../shared/load-records.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { loadPlanCore } from './load-plan.js';
import { todayOf } from './plan-write.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** PL2, TS27: the detailed plan, updated after a core group, has gone to the members (and the family where right). */
export async function recordPlanDistribution(
  db: Database, context: ActionContext, planId: string, coreGroupId: string, input: { distributedOn: string; distributedTo: string; version: number },
): Promise<void> {
  if (!mayKeepPlan(context.actor)) throw new ForbiddenError();
  const { plan } = await loadPlanCore(db, planId);
  if (!isUuid(coreGroupId)) throw new NotFoundError('We could not find that core group.');
  const [meeting] = await db.select().from(coreGroupMeetings).where(and(eq(coreGroupMeetings.id, coreGroupId), eq(coreGroupMeetings.planId, planId)));
  if (!meeting) throw new NotFoundError('We could not find that core group.');
  if (input.distributedOn < meeting.heldOn || input.distributedOn > todayOf(context)) {
    throw new ValidationError([{ field: 'distributedOn', message: `Enter a date from ${meeting.heldOn} to today` }]);
  }
  if (!input.distributedTo.trim()) throw new ValidationError([{ field: 'distributedTo', message: 'Say who the updated plan was sent to and how' }]);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, coreGroupMeetings, { id: coreGroupId, version: input.version },
      { planUpdated: true, planDistributedOn: input.distributedOn, distributedTo: input.distributedTo.trim() },
      () => new ConflictError('This core group record changed while you were looking at it: check it again.'),
    );
    await recordAudit(tx, context, {
      action: 'detailed-plan-distributed', recordType: 'core-group', recordId: coreGroupId, childId: plan.childId,
      details: { planId, distributedOn: input.distributedOn },
    });
  });
}
