import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cases, childProtectionPlans, people } from '../../db/schema/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { reviewShouldBeRequested } from '../../domain/plans/reviews.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { systemContext } from '../shared/action-context.js';
import { arrangingConferenceFor } from './load-plan.js';
import { createReviewRequest, reviewsOf } from './review-request.js';

export interface DueReviewsResult {
  checked: number;
  requested: { planId: string; conferenceId: string; holdBy: string }[];
}

/**
 * TS5, TS6, TS7, TS25: asks business support for every review coming due: a plan whose request
 * date (20 working days before the review must be held) has come and whose child is in no
 * conference being arranged. Safe to run any number of times: a plan with a review being
 * arranged is skipped, and each request is its own transaction (a sibling's request covers
 * the household). Run at start-up and by `convene reviews request`; no daily job is needed
 * for correctness, since every page computes its deadlines on read.
 */
export async function requestDueReviews(db: Database, now: Date, pack: PackId): Promise<DueReviewsResult> {
  const context = systemContext(now);
  const today = londonDateOf(now);
  const calendar = await workingCalendar(db);
  const open = await db
    .select({ plan: childProtectionPlans, dateOfBirth: people.dateOfBirth, householdId: cases.householdId, iroId: cases.iroId })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .where(and(isNull(childProtectionPlans.endDate)))
    // One order, the same on every run: which of two siblings' plans asks first decides whose plan
    // the household's review conference is requested for (the other is then covered by it).
    .orderBy(asc(childProtectionPlans.startDate), asc(people.dateOfBirth), asc(people.familyName), asc(people.givenNames), asc(childProtectionPlans.id));
  const requested: DueReviewsResult['requested'] = [];
  const next = await reviewsOf(db, pack, calendar, open);
  for (const row of open) {
    const { review, lastChairId } = next.get(row.plan.id)!;
    if (!reviewShouldBeRequested(review, today, false)) continue;
    const conferenceId = await db.transaction(async (tx) => {
      // Checked again inside the transaction: a sibling's request moments ago covers this child.
      if (await arrangingConferenceFor(tx, row.plan.childId)) return null;
      return createReviewRequest(tx, context, pack, {
        plan: row.plan, householdId: row.householdId, review, holdBy: review.holdBy, chairId: lastChairId, iroId: row.iroId,
        because: `due ${review.holdBy}: requested automatically ${review.requestOn}`,
      });
    });
    if (conferenceId) requested.push({ planId: row.plan.id, conferenceId, holdBy: review.holdBy });
  }
  return { checked: open.length, requested };
}
