import type { Database } from '../../db/client.js';
import { childProtectionPlans } from '../../db/schema/index.js';
import { mayRecordIdentityNeeds } from '../../policies/plans.js';
import { assertChildAccess } from '../access/child-record-access.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { loadPlanCore } from './load-plan.js';
import { ensureOpen } from './plan-write.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/**
 * UB2 (`000` § 8 Unborn Baby): the plan made before a birth includes how the baby leaves hospital and
 * goes home. Kept by the lead social worker, the case's team manager or a service manager; who wrote
 * it last, and when, is kept with it for the plan page.
 */
export async function saveDischargeHomePlan(db: Database, context: ActionContext, planId: string, input: { dischargeHomePlan: string; version: number }): Promise<void> {
  const core = await loadPlanCore(db, planId);
  await assertChildAccess(db, context.actor, core.plan.childId);
  if (!mayRecordIdentityNeeds(context.actor, { leadSocialWorkerId: core.plan.leadSocialWorkerId, teamManagerId: core.case.teamManagerId })) {
    throw new ForbiddenError('Only the lead social worker, the case’s team manager or a service manager keeps this part of the plan.');
  }
  ensureOpen(core.plan, core.name);
  const text = input.dischargeHomePlan.trim();
  if (text === '') throw new ValidationError([{ field: 'dischargeHomePlan', message: 'Say how the baby will leave hospital and go home' }]);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, childProtectionPlans, { id: planId, version: input.version },
      { dischargeHomePlan: text, dischargeHomePlanBy: context.actor!.id, dischargeHomePlanAt: context.now },
      () => new ConflictError('Someone else changed this plan since you opened it: look at it again.'),
    );
    await recordAudit(tx, context, { action: 'plan-discharge-home-recorded', recordType: 'plan', recordId: planId, childId: core.plan.childId });
  });
}
