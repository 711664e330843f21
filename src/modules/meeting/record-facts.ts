import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceChildren, conferences } from '../../db/schema/index.js';
import { conferenceKindOf } from '../../domain/conference/kinds.js';
import type { FullMinutesFacts } from '../../domain/conference/record-rules.js';
import { openPlanOf } from './decision-context.js';
import { loadMeetingCore } from './meeting-state.js';

/** A review is a plan's first when no other review of that plan has been held since it started. */
async function isFirstReview(db: Queryable, conferenceId: string, childId: string): Promise<boolean> {
  const plan = await openPlanOf(db, childId);
  if (!plan || plan.startConferenceId === conferenceId) return false;
  const held = await db
    .select({ id: conferences.id })
    .from(conferenceChildren)
    .innerJoin(conferences, eq(conferences.id, conferenceChildren.conferenceId))
    .where(
      and(
        eq(conferenceChildren.childId, childId),
        eq(conferenceChildren.role, 'subject'),
        ne(conferences.id, conferenceId),
        inArray(conferences.status, ['held']),
        inArray(conferences.kind, ['review', 'designated-review', 'reconvened']),
        gt(conferences.heldOn, plan.startDate),
      ),
    );
  return held.length === 0;
}

/** RC1: the facts of this conference the full-minutes rule turns on, from its children and the chair's ticks. */
export async function fullMinutesFactsFor(db: Queryable, conferenceId: string, depth = 0): Promise<FullMinutesFacts> {
  const state = await loadMeetingCore(db, conferenceId);
  const flags = state.meeting?.recordFacts ?? {};
  const kind = conferenceKindOf(state.conference.kind);
  let firstReview = false;
  for (const c of state.subjects) if (c.childType === 'review' && (await isFirstReview(db, conferenceId, c.childId))) firstReview = true;
  const from = state.conference.reconvenedFromId;
  return {
    kind,
    newHouseholdMember: Boolean(flags.newHouseholdMember) || (kind === 'review' && state.subjects.some((c) => c.childType === 'initial')),
    firstReview,
    unbornChild: state.subjects.some((c) => !c.dateOfBirth && c.expectedDeliveryDate !== null),
    newSection47OnPlanChild: Boolean(flags.newSection47OnPlanChild),
    lookedAfterChild: state.subjects.some((c) => c.lookedAfter),
    legalPlanning: Boolean(flags.legalPlanning),
    reconvenedAfterComplaint: Boolean(flags.reconvenedAfterComplaint),
    directedByHeadOfService: Boolean(flags.directedByHeadOfService),
    adjournedFrom: from && depth < 5 ? await fullMinutesFactsFor(db, from, depth + 1) : null,
  };
}
