import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { planActionConcerns, planActions, users } from '../../db/schema/index.js';
import { mayReportPlanActionProblem } from '../../policies/plans.js';
import { assertChildAccess } from '../access/child-record-access.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../shared/load-records.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { loadPlanCore } from './load-plan.js';
import { ensureOpen } from './plan-write.js';

export interface ActionProblemInput {
  planActionId: string | null;
  reporterName: string;
  reporterAgency: string;
  whatCannotBeDone: string;
  reason: string;
  managerName: string;
  managerEmail: string;
}

/**
 * CG2: a professional who cannot do their part of the plan (access to the child refused, for
 * instance) says so; their own manager and the lead social worker are told through the outbox.
 */
export async function reportPlanActionProblem(db: Database, context: ActionContext, planId: string, input: ActionProblemInput): Promise<string> {
  if (!mayReportPlanActionProblem(context.actor)) throw new ForbiddenError();
  const { plan, name } = await loadPlanCore(db, planId);
  // The role only says someone may report such a problem; the child must also be theirs (an invitation, for a partner agency).
  await assertChildAccess(db, context.actor, plan.childId);
  ensureOpen(plan, name);
  if (input.planActionId) {
    const [action] = isUuid(input.planActionId)
      ? await db.select({ id: planActions.id }).from(planActions).where(and(eq(planActions.id, input.planActionId), eq(planActions.planId, planId)))
      : [];
    if (!action) throw new ValidationError([{ field: 'planActionId', message: 'Select an action from this plan' }]);
  }
  const [lead] = plan.leadSocialWorkerId
    ? await db.select({ displayName: users.displayName, email: users.email }).from(users).where(eq(users.id, plan.leadSocialWorkerId))
    : [];
  const body = (to: string) =>
    `${to},\n\n${input.reporterName} (${input.reporterAgency}) cannot carry out a part of the child protection plan for ${name}.\n\n` +
    `What cannot be done: ${input.whatCannotBeDone}\nWhy: ${input.reason}\n\nPlease agree with the lead social worker what happens next.`;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(planActionConcerns).values({
      planId, childId: plan.childId, ...input, reportedAt: context.now, reportedBy: context.actor?.id ?? null,
    }).returning({ id: planActionConcerns.id });
    if (!row) throw new Error('concern insert returned nothing');
    const subject = 'A plan action cannot be carried out';
    await enqueueMessage(tx, { channel: 'email', toName: input.managerName, toAddress: input.managerEmail, subject, bodyText: body(input.managerName), relatedType: 'plan-action-concern', relatedId: row.id }, context.now);
    if (lead?.email) {
      await enqueueMessage(tx, { channel: 'email', toName: lead.displayName, toAddress: lead.email, subject, bodyText: body(lead.displayName), relatedType: 'plan-action-concern', relatedId: row.id }, context.now);
    }
    await recordAudit(tx, context, {
      action: 'plan-action-problem-reported', recordType: 'plan-action-concern', recordId: row.id, childId: plan.childId,
      details: { planId, planActionId: input.planActionId, leadToldByEmail: Boolean(lead?.email) },
    });
    return row.id;
  });
}
