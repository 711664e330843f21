import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { childProtectionPlans, meetingDecisions, planEndings } from '../../db/schema/index.js';
import type { ContinuingSupport } from '../../domain/plans/ending.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { noticeRecipientsFor } from '../plans/ending-context.js';
import { loadPlanCore } from '../plans/load-plan.js';
import { normaliseCategories } from '../../domain/conference/categories.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError } from '../shared/errors.js';
import { openPlanOf } from './decision-context.js';
import type { DecisionRow, MeetingChild, OutlinePlanRow } from './meeting-state.js';
import { bumpVersion } from '../shared/versioned-update.js';
import { endRunningCinPlan, stepDownToChildInNeed } from '../records/child-in-need-plan.js';
import { planEndedNotice } from '../../documents/plan-ended-notice.js';

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
  input: { conferenceId: string; conferenceDate: string; child: MeetingChild; decision: DecisionRow; outline: OutlinePlanRow | null; pack: PackId },
): Promise<PlanEffect> {
  const { child, decision, outline, conferenceId, conferenceDate } = input;
  const open = await openPlanOf(tx, child.childId);
  const categories = normaliseCategories(decision.categories);
  let effect: PlanEffect = 'none';
  let planId: string | null = open?.id ?? null;

  if (decision.outcome === 'plan' && open) {
    await bumpVersion(tx, childProtectionPlans, eq(childProtectionPlans.id, open.id), {
      latestCategories: categories,
      leadSocialWorkerId: decision.leadSocialWorkerId ?? open.leadSocialWorkerId,
      visitFrequencyWeeks: outline?.visitFrequencyWeeks ?? open.visitFrequencyWeeks,
    });
    effect = 'continued';
  } else if (decision.outcome === 'plan') {
    // A child in need plan hands over to the child protection plan on the conference's day (C19).
    await endRunningCinPlan(tx, context, { childId: child.childId, on: conferenceDate, endedBy: 'step-up' });
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
      await bumpVersion(tx, childProtectionPlans, eq(childProtectionPlans.id, open.id), { endDate: conferenceDate, endReason: 'review-conference-decision' });
      await noticeOfEnding(tx, context, input.pack, open.id, child, decision, conferenceDate);
      effect = 'ended';
    }
  }
  // The conference steps the child down to child in need (CINPlanStartDate): it ended the plan, or
  // decided none is needed and recommended a child in need plan instead.
  if (decision.outcome === 'no-plan-cin' && (effect === 'ended' || (!open && effect === 'none'))) {
    await stepDownToChildInNeed(tx, context, { caseId: child.caseId, childId: child.childId, on: conferenceDate });
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

const SUPPORT_AFTER: Partial<Record<string, ContinuingSupport>> = { 'no-plan-cin': 'child-in-need-plan', 'no-plan-nfa': 'none-needed' };

/**
 * EN4 and EN5 when a review ends the plan: the ending is kept with what help continues, and
 * everyone invited to the initial conference (and whoever else the pack names) is told.
 */
async function noticeOfEnding(tx: Queryable, context: ActionContext, pack: PackId, planId: string, child: MeetingChild, decision: DecisionRow, endedOn: string): Promise<void> {
  const core = await loadPlanCore(tx, planId);
  const { recipients, unreachable, languageOf } = await noticeRecipientsFor(tx, pack, core, 'review-decision');
  const support = SUPPORT_AFTER[decision.outcome] ?? 'lead-professional';
  const details = decision.childInNeedRecommendation ?? decision.legalActionRecommendation ?? '';
  await tx.insert(planEndings).values({
    planId, childId: child.childId, route: 'review-decision', endedOn,
    reason: 'The review conference decided a child protection plan is no longer needed.',
    decidedBy: context.actor?.id ?? null, decidedByName: context.actor?.displayName ?? 'system',
    continuingSupport: support, continuingSupportDetails: details,
    notified: recipients.map(({ because: _because, invitationId: _invitation, ...r }) => r), createdAt: context.now,
  });
  for (const r of recipients) {
    // Issue 14: a family member who reads another language is told in it first, then in English.
    const notice = planEndedNotice({ name: r.name, child: child.name, endedOn, route: 'review-decision', support, details }, languageOf(r));
    await enqueueMessage(tx, {
      channel: r.channel, toName: r.name, toAddress: r.address, subject: notice.subject, bodyText: notice.body,
      relatedType: 'plan-ending', relatedId: planId,
    }, context.now);
  }
  if (unreachable.length) {
    await recordAudit(tx, context, { action: 'plan-ending-unreachable', recordType: 'child-protection-plan', recordId: planId, childId: child.childId, details: { unreachable } });
  }
}
