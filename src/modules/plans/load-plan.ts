import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { anyOf } from '../shared/any-of.js';
import { listsInOneRead } from '../shared/lists-in-one-read.js';
import type { Queryable } from '../../db/client.js';
import {
  cases, childProtectionPlans, conferenceChildren, conferences, coreGroupMeetings, designatedReviewBriefings, designatedReviewLegalAdvice, meetingDecisions, people,
  planActionConcerns, planActions, planEndings, planIdentityNeeds, planVisits, reviewTriggers, users, visitFrequencyChanges,
} from '../../db/schema/index.js';
import { designatedReviewFollowUps } from '../../domain/plans/designated-review-follow-ups.js';
import { identityNeedsGaps } from '../../domain/plans/identity-needs.js';
import { planMadeBeforeBirth } from '../../domain/plans/unborn.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { childName, isUuid } from '../shared/load-records.js';
import { NotFoundError } from '../shared/errors.js';

/**
 * A conference still to happen: a child who is a subject of one is not asked for again. An
 * adjourned conference is not among them: adjourning creates its reconvened conference, which is
 * (TS20), and once that is held nothing is still being arranged (found by the year simulator: the
 * first review of such a plan was never requested).
 */
export const ARRANGING_STATUSES = ['awaiting-authorisation', 'requested', 'booked', 'invitations-sent'];

export type PlanRow = typeof childProtectionPlans.$inferSelect;

/** The plan with its child and case, or 404. */
export async function loadPlanCore(db: Queryable, planId: string) {
  if (!isUuid(planId)) throw new NotFoundError('We could not find that plan.');
  const [row] = await db
    .select({ plan: childProtectionPlans, child: people, case: cases })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .where(eq(childProtectionPlans.id, planId));
  if (!row) throw new NotFoundError('We could not find that plan.');
  return { ...row, name: childName(row.child) };
}

export interface ReviewHeld { id: string; heldOn: string; kind: string; chairId: string | null }

/** Review conferences held for the child since the plan started (TS6, TS7). */
export async function reviewsHeldFor(db: Queryable, plan: PlanRow): Promise<ReviewHeld[]> {
  return (await reviewsHeldForPlans(db, [plan])).get(plan.id) ?? [];
}

/** Ids in slices small enough for one statement's parameters. */
function slices<T>(items: readonly T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * reviewsHeldFor for many plans in one statement per 5,000 children: work lists and the daily
 * review requests read every open plan, and one query per plan made a home page run ~190.
 */
export async function reviewsHeldForPlans(db: Queryable, plans: readonly Pick<PlanRow, 'id' | 'childId' | 'startDate' | 'startConferenceId'>[]): Promise<Map<string, ReviewHeld[]>> {
  const byPlan = new Map<string, ReviewHeld[]>(plans.map((p) => [p.id, []]));
  const childIds = [...new Set(plans.map((p) => p.childId))];
  const plansByChild = new Map<string, Pick<PlanRow, 'id' | 'childId' | 'startDate' | 'startConferenceId'>[]>();
  for (const p of plans) plansByChild.set(p.childId, [...(plansByChild.get(p.childId) ?? []), p]);
  for (const ids of slices(childIds)) {
    const rows = await db
      .select({ id: conferences.id, childId: conferenceChildren.childId, heldOn: conferences.heldOn, kind: conferences.kind, chairId: conferences.chairId })
      .from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .where(and(anyOf(conferenceChildren.childId, ids), eq(conferenceChildren.role, 'subject'), REVIEW_HELD))
      .orderBy(asc(conferences.heldOn));
    for (const r of rows) {
      for (const plan of plansByChild.get(r.childId) ?? []) byPlan.get(plan.id)!.push(...reviewsHeldSince(plan, [r]));
    }
  }
  return byPlan;
}

/** A review conference held (TS6, TS7): what `reviewsHeldSince` chooses from. */
const REVIEW_HELD = and(eq(conferences.status, 'held'), inArray(conferences.kind, ['review', 'designated-review', 'reconvened']));

/** Of a child's held reviews (REVIEW_HELD, by date), those held for this plan: after it started, other than the conference that made it. */
function reviewsHeldSince(plan: Pick<PlanRow, 'startDate' | 'startConferenceId'>, held: readonly { id: string; heldOn: string | null; kind: string; chairId: string | null }[]): ReviewHeld[] {
  return held.flatMap((r) => (r.heldOn !== null && r.heldOn > plan.startDate && r.id !== plan.startConferenceId ? [{ id: r.id, heldOn: r.heldOn, kind: r.kind, chairId: r.chairId }] : []));
}

/** The conferences a child is a subject of, as a condition on `conferences` (for a list read). */
function subjectConferencesOf(db: Queryable, childId: string): SQL {
  return inArray(conferences.id, db.select({ id: conferenceChildren.conferenceId }).from(conferenceChildren).where(and(eq(conferenceChildren.childId, childId), eq(conferenceChildren.role, 'subject'))));
}

/** A decision that made or kept a plan and set an early review date (CF1/CF2). */
const EARLY_REVIEW_SET = and(eq(meetingDecisions.earlyReview, true), eq(meetingDecisions.outcome, 'plan'));

/**
 * CF1/CF2: for each plan, the early review date the latest conference that made or kept it set for
 * the child because it was not quorate (null where it set none); one statement per 5,000 plans.
 */
export async function earlyReviewsOnForPlans(db: Queryable, plans: readonly { plan: Pick<PlanRow, 'id' | 'childId' | 'startConferenceId'>; reviewsHeld: readonly { id: string }[] }[]): Promise<Map<string, string | null>> {
  const latest = plans.flatMap(({ plan, reviewsHeld }) => {
    const conferenceId = reviewsHeld.at(-1)?.id ?? plan.startConferenceId;
    return conferenceId ? [{ planId: plan.id, childId: plan.childId, conferenceId }] : [];
  });
  const found = new Map<string, string | null>();
  for (const part of slices(latest)) {
    const rows = await db
      .select({ conferenceId: meetingDecisions.conferenceId, childId: meetingDecisions.childId, reviewOn: meetingDecisions.reviewOn })
      .from(meetingDecisions)
      .where(and(anyOf(meetingDecisions.conferenceId, [...new Set(part.map((l) => l.conferenceId))]), EARLY_REVIEW_SET));
    for (const r of rows) found.set(`${r.conferenceId}:${r.childId}`, r.reviewOn);
  }
  const latestByPlan = new Map(latest.map((l) => [l.planId, l]));
  return new Map(plans.map(({ plan }) => {
    const l = latestByPlan.get(plan.id);
    return [plan.id, l ? (found.get(`${l.conferenceId}:${l.childId}`) ?? null) : null];
  }));
}

/** The conference being arranged for this child now, if any. */
export async function arrangingConferenceFor(db: Queryable, childId: string) {
  const [row] = await db
    .select({ id: conferences.id, kind: conferences.kind, status: conferences.status, dueDate: conferences.dueDate, version: conferences.version })
    .from(conferences)
    .where(and(subjectConferencesOf(db, childId), ARRANGING))
    .orderBy(desc(conferences.createdAt))
    .limit(1);
  return row ?? null;
}

const ARRANGING = inArray(conferences.status, ARRANGING_STATUSES);

/** Everything the plan page shows: the plan, then the rest in queries run together. `alongside`
 *  (the audit of the read) runs with them and is awaited before the plan is returned. */
export async function loadPlan(db: Queryable, planId: string, alongside?: (core: Awaited<ReturnType<typeof loadPlanCore>>) => Promise<void>) {
  const core = await loadPlanCore(db, planId);
  const { plan } = core;
  const none = Promise.resolve([]);
  const nothing = sql`false`;
  const [[lead], lists, [dischargeWriter]] = await Promise.all([
    plan.leadSocialWorkerId
      ? db.select({ id: users.id, displayName: users.displayName, email: users.email }).from(users).where(eq(users.id, plan.leadSocialWorkerId))
      : none,
    // The plan's own lists and the few rows about it, in one statement (issue 16: one round trip,
    // not fifteen).
    listsInOneRead(db, {
      startConference: { table: conferences, where: plan.startConferenceId ? eq(conferences.id, plan.startConferenceId) : nothing },
      decision: {
        table: meetingDecisions,
        where: plan.startConferenceId ? and(eq(meetingDecisions.conferenceId, plan.startConferenceId), eq(meetingDecisions.childId, plan.childId))! : nothing,
      },
      pending: { table: meetingDecisions, where: and(eq(meetingDecisions.planId, plan.id), eq(meetingDecisions.discontinuationPending, true))! },
      reviewsOfChild: { table: conferences, where: and(subjectConferencesOf(db, plan.childId), REVIEW_HELD)!, orderBy: asc(conferences.heldOn) },
      arranging: { table: conferences, where: and(subjectConferencesOf(db, plan.childId), ARRANGING)!, orderBy: desc(conferences.createdAt) },
      // CF1/CF2: the child's early review dates; the one that counts is the latest conference's (below).
      earlyReviews: { table: meetingDecisions, where: and(eq(meetingDecisions.childId, plan.childId), EARLY_REVIEW_SET)! },
      actions: { table: planActions, where: eq(planActions.planId, plan.id), orderBy: asc(planActions.createdAt) },
      coreGroups: { table: coreGroupMeetings, where: eq(coreGroupMeetings.planId, plan.id), orderBy: asc(coreGroupMeetings.heldOn) },
      visits: { table: planVisits, where: eq(planVisits.planId, plan.id), orderBy: asc(planVisits.visitedOn) },
      frequencyChanges: { table: visitFrequencyChanges, where: eq(visitFrequencyChanges.planId, plan.id), orderBy: desc(visitFrequencyChanges.requestedAt) },
      triggers: { table: reviewTriggers, where: eq(reviewTriggers.planId, plan.id), orderBy: desc(reviewTriggers.recordedAt) },
      concerns: { table: planActionConcerns, where: eq(planActionConcerns.planId, plan.id), orderBy: desc(planActionConcerns.reportedAt) },
      endings: { table: planEndings, where: eq(planEndings.planId, plan.id) },
      briefings: { table: designatedReviewBriefings, where: eq(designatedReviewBriefings.planId, plan.id), orderBy: desc(designatedReviewBriefings.writtenAt) },
      legalAdvice: { table: designatedReviewLegalAdvice, where: eq(designatedReviewLegalAdvice.planId, plan.id), orderBy: desc(designatedReviewLegalAdvice.soughtOn) },
      identity: { table: planIdentityNeeds, where: eq(planIdentityNeeds.planId, plan.id) },
    }),
    plan.dischargeHomePlanBy ? db.select({ displayName: users.displayName }).from(users).where(eq(users.id, plan.dischargeHomePlanBy)) : none,
    alongside ? alongside(core) : Promise.resolve(),
  ]);
  const [startConference] = lists.startConference;
  const [decision] = lists.decision;
  const [pendingRow] = lists.pending;
  const pending = pendingRow ? { id: pendingRow.id, conferenceId: pendingRow.conferenceId } : undefined;
  const [arrangingRow] = lists.arranging;
  const arranging = arrangingRow
    ? { id: arrangingRow.id, kind: arrangingRow.kind, status: arrangingRow.status, dueDate: arrangingRow.dueDate, version: arrangingRow.version }
    : null;
  const reviewsHeld = reviewsHeldSince(plan, lists.reviewsOfChild);
  const latestConferenceId = reviewsHeld.at(-1)?.id ?? plan.startConferenceId;
  const earlyReviewOn = lists.earlyReviews.find((d) => d.conferenceId === latestConferenceId)?.reviewOn ?? null;
  const { actions, coreGroups, visits, frequencyChanges, triggers, concerns, briefings, legalAdvice } = lists;
  const [ending] = lists.endings;
  const [identity] = lists.identity;
  return {
    ...core,
    lead: lead ?? null,
    startConference: startConference ?? null,
    decidedCoreGroupMembers: decision?.coreGroupMembers ?? [],
    pendingDiscontinuation: pending ?? null,
    reviewsHeld,
    earlyReviewOn,
    arranging, actions, coreGroups, visits, frequencyChanges, triggers, concerns,
    ending: ending ?? null,
    briefings,
    legalAdvice,
    // PL4: the plan's answers on identity and family, and what is still missing or to be revisited.
    identityNeeds: identity ?? null,
    // UB2: a plan made before the birth says how the baby goes home; who wrote that and when.
    dischargeHome: planMadeBeforeBirth(core.child.dateOfBirth, plan.startDate)
      ? { text: (plan.dischargeHomePlan ?? '').trim() || null, by: dischargeWriter?.displayName ?? null, at: plan.dischargeHomePlanAt }
      : null,
    identityGaps: identityNeedsGaps(identity ? { ...identity, updatedOn: londonDateOf(identity.updatedAt).toString() } : null, { latestReviewHeldOn: reviewsHeld.at(-1)?.heldOn ?? null }),
    designatedReviewFollowUps: designatedReviewFollowUps({
      planOpen: plan.endDate === null,
      reviewsHeld: reviewsHeld.map((r) => ({ conferenceId: r.id, heldOn: r.heldOn, kind: r.kind })),
      legalAdviceFor: new Set(legalAdvice.map((a) => a.conferenceId)),
      briefingsFor: new Set(briefings.flatMap((b) => (b.conferenceId ? [b.conferenceId] : []))),
    }),
  };
}

export type LoadedPlan = Awaited<ReturnType<typeof loadPlan>>;
