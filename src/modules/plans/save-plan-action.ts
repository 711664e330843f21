import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { planActions, planActionVersions, type PlanActionSnapshot } from '../../db/schema/index.js';
import { mayKeepPlan } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../shared/load-records.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { loadOpenPlanFor } from './plan-write.js';
import { updateAtVersion } from '../shared/versioned-update.js';
import { keysOf } from '../../domain/choices.js';

export const PLAN_ACTION_STATUS_LABELS = {
  'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done', 'cannot-be-done': 'Cannot be done',
};
export const PLAN_ACTION_STATUSES = keysOf(PLAN_ACTION_STATUS_LABELS);
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

export interface PlanActionInput {
  action: string;
  owner: string;
  ownerRole: string;
  dueOn: string | null;
  progress: string;
  status: PlanActionStatus;
}

/**
 * PL2: adds a line to the detailed plan, or updates one at the version the person saw. Every
 * version is kept, so the plan as it stood at any core group can be shown again.
 */
export async function savePlanAction(
  db: Database, context: ActionContext, planId: string, input: PlanActionInput, existing?: { actionId: string; version: number },
): Promise<string> {
  const { plan } = await loadOpenPlanFor(db, context, planId, mayKeepPlan);
  const snapshot: PlanActionSnapshot = { ...input };
  return db.transaction(async (tx) => {
    let id: string;
    let version: number;
    if (existing) {
      if (!isUuid(existing.actionId)) throw new NotFoundError('We could not find that plan action.');
      ({ id, version } = await updateAtVersion(
        tx, planActions, { id: existing.actionId, version: existing.version },
        { ...input, updatedAt: context.now, updatedBy: context.actor?.id ?? null },
        () => new ConflictError('This action changed while you were looking at it: check it again.'),
        eq(planActions.planId, planId),
      ));
    } else {
      const [row] = await tx.insert(planActions)
        .values({ planId, childId: plan.childId, ...input, createdAt: context.now, updatedAt: context.now, updatedBy: context.actor?.id ?? null })
        .returning({ id: planActions.id, version: planActions.version });
      if (!row) throw new Error('plan action insert returned nothing');
      ({ id, version } = row);
    }
    await tx.insert(planActionVersions).values({ actionId: id, version, snapshot, at: context.now, by: context.actor?.id ?? null });
    await recordAudit(tx, context, {
      action: existing ? 'plan-action-updated' : 'plan-action-added', recordType: 'plan-action', recordId: id, childId: plan.childId,
      details: { planId, status: input.status, version },
    });
    return id;
  });
}
