import type { Queryable } from '../../db/client.js';
import { childProtectionPlans } from '../../db/schema/index.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import type { Actor } from '../../policies/roles.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { loadPlanCore, type PlanRow } from './load-plan.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** Writes go to open plans only: an ended plan is a record, not a working document. */
export function ensureOpen(plan: PlanRow, name: string): void {
  if (plan.endDate) throw new ConflictError(`${name}’s plan ended on ${plan.endDate}: it can no longer be changed.`);
}

/**
 * The plan a change is made to: the actor's role is checked first (refused with `refusal` where it
 * says more than the default), then the plan must exist and still be open.
 */
export async function loadOpenPlanFor(db: Queryable, context: ActionContext, planId: string, may: (actor: Actor | null) => boolean, refusal?: string) {
  if (!may(context.actor)) throw new ForbiddenError(refusal);
  const core = await loadPlanCore(db, planId);
  ensureOpen(core.plan, core.name);
  return core;
}

/**
 * Claims the plan at the version the person saw, inside the transaction, so two people saving
 * at once cannot both win: the second is told to look again (409).
 */
export async function claimPlanVersion(tx: Queryable, planId: string, seenVersion: number, changes: Partial<typeof childProtectionPlans.$inferInsert> = {}): Promise<void> {
  await updateAtVersion(tx, childProtectionPlans, { id: planId, version: seenVersion }, changes, () => new ConflictError('This plan changed while you were looking at it: check it again.'));
}

export function todayOf(context: ActionContext): string {
  return londonDateOf(context.now).toString();
}
