import type { Database } from '../../db/client.js';
import { designatedReviewBriefings } from '../../db/schema/index.js';
import { mayWriteBriefingNote } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { reviewsHeldFor } from './load-plan.js';
import { loadOpenPlanFor } from './plan-write.js';

/**
 * TS7 (newcastle 7.1.6): after a designated review that keeps the plan, the chair writes a
 * briefing note for service managers on why the child is still on a plan.
 */
export async function writeBriefingNote(db: Database, context: ActionContext, planId: string, note: string): Promise<string> {
  const { plan, name } = await loadOpenPlanFor(db, context, planId, mayWriteBriefingNote, 'Only the conference chair writes the briefing note.');
  const designated = (await reviewsHeldFor(db, plan)).filter((r) => r.kind === 'designated-review').at(-1);
  if (!designated) throw new ConflictError(`No designated review has been held for ${name} yet.`);
  if (!note.trim()) throw new ValidationError([{ field: 'note', message: 'Write why the child remains on a plan' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(designatedReviewBriefings).values({
      planId, childId: plan.childId, conferenceId: designated.id, note: note.trim(), writtenBy: context.actor?.id ?? null, writtenAt: context.now,
    }).returning({ id: designatedReviewBriefings.id });
    if (!row) throw new Error('briefing insert returned nothing');
    await recordAudit(tx, context, { action: 'designated-review-briefing-written', recordType: 'designated-review-briefing', recordId: row.id, childId: plan.childId, details: { planId, conferenceId: designated.id } });
    return row.id;
  });
}
