import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { visitFrequencyChanges } from '../../db/schema/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { visitFrequencyProblem } from '../../domain/plans/visits.js';
import { mayKeepPlan } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { loadOpenPlanFor } from './plan-write.js';

/** CG3: asks a team manager to change how often the child is visited, with the reasons. */
export async function requestVisitFrequency(
  db: Database, context: ActionContext, pack: PackId, planId: string, input: { proposedWeeks: number; reasons: string },
): Promise<string> {
  const { plan } = await loadOpenPlanFor(db, context, planId, mayKeepPlan);
  const problem = visitFrequencyProblem(pack, input.proposedWeeks);
  if (problem) throw new ValidationError([{ field: 'proposedWeeks', message: problem }]);
  if (input.proposedWeeks === plan.visitFrequencyWeeks) throw new ValidationError([{ field: 'proposedWeeks', message: `The plan already says every ${plan.visitFrequencyWeeks} weeks` }]);
  return db.transaction(async (tx) => {
    const [open] = await tx.select({ id: visitFrequencyChanges.id }).from(visitFrequencyChanges)
      .where(and(eq(visitFrequencyChanges.planId, planId), eq(visitFrequencyChanges.status, 'pending')));
    if (open) throw new ConflictError('A change to the visit frequency is already waiting for a team manager.');
    const [row] = await tx.insert(visitFrequencyChanges).values({
      planId, childId: plan.childId, fromWeeks: plan.visitFrequencyWeeks, proposedWeeks: input.proposedWeeks, reasons: input.reasons,
      requestedBy: context.actor?.id ?? null, requestedAt: context.now,
    }).returning({ id: visitFrequencyChanges.id });
    if (!row) throw new Error('frequency change insert returned nothing');
    await recordAudit(tx, context, {
      action: 'visit-frequency-change-requested', recordType: 'visit-frequency-change', recordId: row.id, childId: plan.childId,
      details: { planId, fromWeeks: plan.visitFrequencyWeeks, proposedWeeks: input.proposedWeeks },
    });
    return row.id;
  });
}
