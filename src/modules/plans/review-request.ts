import { and, eq, inArray, isNull } from 'drizzle-orm';
import { anyOf } from '../shared/any-of.js';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { cases, childProtectionPlans, conferenceChildren, conferences, conferenceStatusHistory } from '../../db/schema/index.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { nextReview, type NextReview } from '../../domain/plans/reviews.js';
import { auditForChildren } from '../audit/audit-children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ARRANGING_STATUSES, earlyReviewsOnForPlans, reviewsHeldForPlans, type PlanRow, type ReviewHeld } from './load-plan.js';

/** The next review of a plan, from the reviews already held and the child's date of birth. */
export async function reviewOf(db: Queryable, pack: PackId, calendar: WorkingCalendar, plan: PlanRow, dateOfBirth: string | null): Promise<{ review: NextReview; lastChairId: string | null }> {
  return (await reviewsOf(db, pack, calendar, [{ plan, dateOfBirth }])).get(plan.id)!;
}

/** What working out a plan's next review reads of the plan. */
export type ReviewedPlan = Pick<PlanRow, 'id' | 'childId' | 'startDate' | 'startConferenceId'>;

/**
 * reviewOf for many plans in a handful of statements, whatever their number. `alreadyHeld`: the
 * reviews held since each plan began, where the caller has read them already (reviewsHeldForPlans).
 */
export async function reviewsOf(
  db: Queryable, pack: PackId, calendar: WorkingCalendar, rows: readonly { plan: ReviewedPlan; dateOfBirth: string | null }[],
  alreadyHeld?: Map<string, ReviewHeld[]>,
): Promise<Map<string, { review: NextReview; lastChairId: string | null }>> {
  const plans = rows.map((r) => r.plan);
  const held = alreadyHeld ?? (await reviewsHeldForPlans(db, plans));
  const early = await earlyReviewsOnForPlans(db, plans.map((plan) => ({ plan, reviewsHeld: held.get(plan.id) ?? [] })));
  // The chair of the conference that made the plan, where no review has been held since.
  const startIds = [...new Set(plans.filter((p) => !held.get(p.id)?.length && p.startConferenceId).map((p) => p.startConferenceId!))];
  const startChairs = new Map(
    startIds.length ? (await db.select({ id: conferences.id, chairId: conferences.chairId }).from(conferences).where(anyOf(conferences.id, startIds))).map((c) => [c.id, c.chairId]) : [],
  );
  return new Map(rows.map(({ plan, dateOfBirth }) => {
    const reviews = held.get(plan.id) ?? [];
    const review = nextReview({ pack, calendar, planStartedOn: plan.startDate, reviewsHeld: reviews.map((r) => r.heldOn), dateOfBirth, earlyReviewOn: early.get(plan.id) ?? null });
    const lastChairId = reviews.at(-1)?.chairId ?? (plan.startConferenceId ? (startChairs.get(plan.startConferenceId) ?? null) : null);
    return [plan.id, { review, lastChairId }];
  }));
}

/**
 * A review conference for the household, in status "requested" so it joins business support's
 * list to book with its statutory date (TS5/TS6). A review needs no new authorisation: the
 * conference before it set it. Subjects are the household's children on a plan who are not
 * already in a conference being arranged; the others are household children (CV1, CV2). The
 * same chair is asked for where possible (CV4). Runs inside the caller's transaction.
 */
export async function createReviewRequest(
  tx: Queryable, context: ActionContext, pack: PackId,
  input: { plan: PlanRow; householdId: string | null; review: NextReview; holdBy: string; chairId: string | null; iroId: string | null; because: string },
): Promise<string> {
  const { plan, review } = input;
  const household = input.householdId
    ? await tx.select({ caseId: cases.id, childId: cases.childId }).from(cases).where(and(eq(cases.householdId, input.householdId), isNull(cases.closedOn)))
    : [{ caseId: plan.caseId, childId: plan.childId }];
  const childIds = [...new Set([plan.childId, ...household.map((h) => h.childId)])];
  const onPlan = new Set((await tx.select({ childId: childProtectionPlans.childId }).from(childProtectionPlans)
    .where(and(anyOf(childProtectionPlans.childId, childIds), isNull(childProtectionPlans.endDate)))).map((r) => r.childId));
  const busy = new Set((await tx.select({ childId: conferenceChildren.childId }).from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(anyOf(conferenceChildren.childId, childIds), eq(conferenceChildren.role, 'subject'), inArray(conferences.status, ARRANGING_STATUSES)))).map((r) => r.childId));
  const members = household.some((h) => h.childId === plan.childId) ? household : [{ caseId: plan.caseId, childId: plan.childId }, ...household];

  const [conference] = await tx.insert(conferences).values({
    householdId: input.householdId, kind: review.kind, status: 'requested', pack,
    requestedBy: context.actor?.id ?? null, requestedAt: context.now,
    dueDate: input.holdBy, dueRuleId: review.statutory.ruleId, dueFromFact: review.statutory.from.fact, dueFromDate: review.statutory.from.value.slice(0, 10),
    chairId: input.chairId, iroId: input.iroId, createdAt: context.now,
  }).returning({ id: conferences.id });
  if (!conference) throw new Error('conference insert returned nothing');
  const rows = members.filter((m) => !busy.has(m.childId)).map((m) => {
    const subject = onPlan.has(m.childId);
    return { conferenceId: conference.id, caseId: m.caseId, childId: m.childId, role: subject ? 'subject' : 'household', childType: subject ? 'review' : null };
  });
  await tx.insert(conferenceChildren).values(rows);
  await tx.insert(conferenceStatusHistory).values({
    conferenceId: conference.id, fromStatus: null, toStatus: 'requested', event: 'request-review', at: context.now, by: context.actor?.id ?? null,
    reason: input.because, details: { kind: review.kind, holdBy: input.holdBy, statutoryDate: review.statutory.due, number: review.number },
  });
  await auditForChildren(tx, context, rows.map((r) => r.childId), {
    action: 'review-requested', recordType: 'conference', recordId: conference.id,
    details: { planId: plan.id, kind: review.kind, holdBy: input.holdBy, dueRuleId: review.statutory.ruleId, because: input.because },
  });
  return conference.id;
}

export function isBefore(a: string, b: string): boolean {
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b)) < 0;
}
