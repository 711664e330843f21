import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { childProtectionPlans, meetingDecisions } from '../../db/schema/index.js';
import { normaliseCategories } from '../../domain/conference/categories.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError } from '../shared/errors.js';
import { openPlanOf } from './decision-context.js';
import type { DecisionRow, MeetingChild, OutlinePlanRow } from './meeting-state.js';

export type PlanEffect = 'started' | 'continued' | 'ended' | 'end-pending' | 'none';

/**
 * What a held conference's decision does to the child's plan, captured as the census counts it:
 * a plan decision starts a plan (CPPstartDate = the conference date, NumberOfPreviousCPP, initial
 * and latest category) or continues the open one (latest category); a decision against a plan at a
 * review ends it (CPPendDate), unless the ending waits for written agreement (TS23, EN6).
 */
export async function applyPlanEffect(
  tx: Queryable,
  context: ActionContext,
  input: { conferenceId: string; conferenceDate: string; child: MeetingChild; decision: DecisionRow; outline: OutlinePlanRow | null },
): Promise<PlanEffect> {
  const { child, decision, outline, conferenceId, conferenceDate } = input;
  const open = await openPlanOf(tx, child.childId);
  const categories = normaliseCategories(decision.categories);
  let effect: PlanEffect = 'none';
  let planId: string | null = open?.id ?? null;

  if (decision.outcome === 'plan' && open) {
    await tx
      .update(childProtectionPlans)
      .set({
        latestCategories: categories,
        leadSocialWorkerId: decision.leadSocialWorkerId ?? open.leadSocialWorkerId,
        visitFrequencyWeeks: outline?.visitFrequencyWeeks ?? open.visitFrequencyWeeks,
        version: open.version + 1,
      })
      .where(eq(childProtectionPlans.id, open.id));
    effect = 'continued';
  } else if (decision.outcome === 'plan') {
    // Every plan the child already has started before this one (NumberOfPreviousCPP).
    const [earlier] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(childProtectionPlans)
      .where(eq(childProtectionPlans.childId, child.childId));
    const [plan] = await tx
      .insert(childProtectionPlans)
      .values({
        caseId: child.caseId,
        childId: child.childId,
        startConferenceId: conferenceId,
        startDate: conferenceDate,
        initialCategories: categories,
        latestCategories: categories,
        leadSocialWorkerId: decision.leadSocialWorkerId,
        visitFrequencyWeeks: outline?.visitFrequencyWeeks ?? null,
        previousPlans: earlier?.n ?? 0,
        createdAt: context.now,
      })
      .returning({ id: childProtectionPlans.id });
    planId = plan?.id ?? null;
    effect = 'started';
  } else if (open && decision.outcome !== 'adjourned') {
    if (decision.discontinuationPending) {
      effect = 'end-pending';
    } else {
      if (open.startDate >= conferenceDate) throw new ConflictError(`${child.name}'s plan started on ${open.startDate}; a plan cannot end on the day it starts.`);
      await tx
        .update(childProtectionPlans)
        .set({ endDate: conferenceDate, endReason: 'review-conference-decision', version: open.version + 1 })
        .where(eq(childProtectionPlans.id, open.id));
      effect = 'ended';
    }
  }
  if (planId) await tx.update(meetingDecisions).set({ planId }).where(eq(meetingDecisions.id, decision.id));
  if (effect !== 'none' && planId) {
    await recordAudit(tx, context, {
      action: `plan-${effect}`, recordType: 'child-protection-plan', recordId: planId, childId: child.childId,
      details: { conferenceId, categories, conferenceDate },
    });
  }
  return effect;
}
