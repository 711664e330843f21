import type { Database } from '../../db/client.js';
import { planVisits } from '../../db/schema/index.js';
import { mayKeepPlan } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError, type FieldError } from '../shared/errors.js';
import { loadOpenPlanFor, todayOf } from './plan-write.js';

export interface VisitInput {
  visitedOn: string;
  childSeen: boolean;
  seenAlone: boolean;
  visitedBy: string;
  notSeenReason: string;
}

/**
 * CG3, TS24: a statutory visit to this child, recorded for this child alone: seen or not seen,
 * and seen alone. A visit where the child was not seen does not meet the visit frequency.
 */
export async function recordVisit(db: Database, context: ActionContext, planId: string, input: VisitInput): Promise<string> {
  const { plan } = await loadOpenPlanFor(db, context, planId, mayKeepPlan);
  const problems: FieldError[] = [];
  if (input.visitedOn > todayOf(context)) problems.push({ field: 'visitedOn', message: 'The date of the visit cannot be in the future' });
  if (input.visitedOn < plan.startDate) problems.push({ field: 'visitedOn', message: `The plan started on ${plan.startDate}: record visits from then on` });
  if (!input.childSeen && input.seenAlone) problems.push({ field: 'seenAlone', message: 'A child who was not seen cannot have been seen alone' });
  if (!input.childSeen && !input.notSeenReason.trim()) problems.push({ field: 'notSeenReason', message: 'Say why the child was not seen' });
  if (problems.length) throw new ValidationError(problems);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(planVisits).values({
      planId, childId: plan.childId, visitedOn: input.visitedOn, childSeen: input.childSeen, seenAlone: input.childSeen && input.seenAlone,
      visitedBy: input.visitedBy, notSeenReason: input.childSeen ? null : input.notSeenReason.trim(), createdAt: context.now, createdBy: context.actor?.id ?? null,
    }).returning({ id: planVisits.id });
    if (!row) throw new Error('visit insert returned nothing');
    await recordAudit(tx, context, {
      action: input.childSeen ? 'visit-child-seen' : 'visit-child-not-seen', recordType: 'plan-visit', recordId: row.id, childId: plan.childId,
      details: { planId, visitedOn: input.visitedOn, seenAlone: input.childSeen && input.seenAlone },
    });
    return row.id;
  });
}
