import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { designatedReviewLegalAdvice } from '../../db/schema/index.js';
import { mayRecordLegalAdvice } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { loadPlan } from './load-plan.js';
import { ensureOpen, todayOf } from './plan-write.js';

export const legalAdviceInput = z.object({
  conferenceId: z.string().uuid(),
  soughtOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  adviser: z.string().trim().min(1).max(200),
  advice: z.string().trim().min(1).max(10_000),
});
export type LegalAdviceInput = z.infer<typeof legalAdviceInput>;

/**
 * RV4 (`004` 7.1.6): the team manager records the legal advice sought after a designated review
 * that kept the child's plan. One record per designated review; until it exists the team
 * manager's queue keeps asking for it.
 */
export async function recordLegalAdvice(db: Database, context: ActionContext, planId: string, input: LegalAdviceInput): Promise<string> {
  const p = await loadPlan(db, planId);
  if (!mayRecordLegalAdvice(context.actor, p.case.teamManagerId)) {
    throw new ForbiddenError('Only the team manager for this child’s case, or a service manager, records the legal advice.');
  }
  ensureOpen(p.plan, p.name);
  const review = p.reviewsHeld.find((r) => r.id === input.conferenceId && r.kind === 'designated-review');
  if (!review) throw new ValidationError([{ field: 'conferenceId', message: 'Choose the designated review the advice follows' }]);
  const errors: { field: string; message: string }[] = [];
  if (input.soughtOn < review.heldOn) errors.push({ field: 'soughtOn', message: 'The advice must be sought on or after the day of the designated review' });
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(input.soughtOn), Temporal.PlainDate.from(todayOf(context))) > 0) {
    errors.push({ field: 'soughtOn', message: 'The date the advice was sought must be today or in the past' });
  }
  if (errors.length) throw new ValidationError(errors);
  if (p.legalAdvice.some((a) => a.conferenceId === review.id)) throw new ConflictError('Legal advice has already been recorded for this designated review.');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(designatedReviewLegalAdvice).values({
      planId, childId: p.plan.childId, conferenceId: review.id, soughtOn: input.soughtOn, adviser: input.adviser.trim(), advice: input.advice.trim(),
      recordedBy: context.actor?.id ?? null, recordedAt: context.now,
    }).onConflictDoNothing().returning({ id: designatedReviewLegalAdvice.id });
    // Two managers saving at once: the unique designated review lets only one record in.
    if (!row) throw new ConflictError('Legal advice has already been recorded for this designated review.');
    await recordAudit(tx, context, {
      action: 'designated-review-legal-advice-recorded', recordType: 'designated-review-legal-advice', recordId: row.id, childId: p.plan.childId,
      details: { planId, conferenceId: review.id },
    });
    return row.id;
  });
}
