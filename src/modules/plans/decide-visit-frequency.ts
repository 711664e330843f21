import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { visitFrequencyChanges } from '../../db/schema/index.js';
import { mayApproveVisitFrequency } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../shared/load-records.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { claimPlanVersion, loadOpenPlanFor } from './plan-write.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/**
 * CG3: a team manager approves or refuses a change to the visit frequency, with a note; an
 * approval changes the plan (at the version the manager saw).
 */
export async function decideVisitFrequency(
  db: Database, context: ActionContext, planId: string, changeId: string,
  input: { decision: 'approved' | 'refused'; note: string; version: number; planVersion: number },
): Promise<void> {
  const { plan } = await loadOpenPlanFor(db, context, planId, mayApproveVisitFrequency, 'Only a team manager can approve a change to the visit frequency.');
  if (!isUuid(changeId)) throw new NotFoundError('We could not find that request.');
  const [change] = await db.select().from(visitFrequencyChanges).where(and(eq(visitFrequencyChanges.id, changeId), eq(visitFrequencyChanges.planId, planId)));
  if (!change) throw new NotFoundError('We could not find that request.');
  if (change.status !== 'pending') throw new ConflictError(`This request has already been ${change.status}.`);
  if (change.requestedBy && change.requestedBy === context.actor?.id) throw new ConflictError('You asked for this change: another team manager must decide it.');
  if (!input.note.trim()) throw new ValidationError([{ field: 'note', message: 'Give the reasons for your decision' }]);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, visitFrequencyChanges, { id: changeId, version: input.version },
      { status: input.decision, decisionNote: input.note.trim(), decidedBy: context.actor?.id ?? null, decidedAt: context.now },
      () => new ConflictError('This request changed while you were looking at it: check it again.'),
      eq(visitFrequencyChanges.status, 'pending'),
    );
    if (input.decision === 'approved') await claimPlanVersion(tx, planId, input.planVersion, { visitFrequencyWeeks: change.proposedWeeks });
    await recordAudit(tx, context, {
      action: `visit-frequency-change-${input.decision}`, recordType: 'visit-frequency-change', recordId: changeId, childId: plan.childId,
      reason: input.note.trim(), details: { planId, fromWeeks: change.fromWeeks, proposedWeeks: change.proposedWeeks },
    });
  });
}
