import { and, asc, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { childProtectionPlans, conferences, meetingDecisions, meetingViews } from '../../db/schema/index.js';
import { isAgencyId } from '../../domain/conference/agencies.js';
import { isUnderFive } from '../../domain/conference/child-age.js';
import { isCategoryCode } from '../../domain/conference/categories.js';
import { isOutcome, type DecisionContext, type Outcome } from '../../domain/conference/decision.js';
import { dueDateText, planDates } from '../../domain/conference/meeting-deadlines.js';
import type { PractitionerView } from '../../domain/conference/views.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { loadAttendance, quorumOf, type MeetingChild, type MeetingCore, type MeetingState } from './meeting-state.js';

/**
 * What a decision for a child is checked against: the whole meeting's state serves (the decision
 * page has it), or just this child's part of it, read by loadDecisionFacts when the decision is saved.
 */
export type DecisionFacts = Pick<MeetingState, 'conference' | 'pack' | 'rules' | 'meeting' | 'quorum' | 'views' | 'decisions'>;

/** The child's quorum (so the whole attendance), the views given on the child and the child's decision if any. */
export async function loadDecisionFacts(db: Queryable, core: MeetingCore, child: MeetingChild): Promise<DecisionFacts> {
  const conferenceId = core.conference.id;
  const attendance = await loadAttendance(db, conferenceId);
  const views = await db.select().from(meetingViews).where(and(eq(meetingViews.conferenceId, conferenceId), eq(meetingViews.childId, child.childId))).orderBy(asc(meetingViews.updatedAt));
  const decisions = await db.select().from(meetingDecisions).where(and(eq(meetingDecisions.conferenceId, conferenceId), eq(meetingDecisions.childId, child.childId)));
  return { ...core, quorum: quorumOf([child], attendance, core.rules), views, decisions };
}

export type PlanRow = typeof childProtectionPlans.$inferSelect;

export async function openPlanOf(db: Queryable, childId: string): Promise<PlanRow | null> {
  const [plan] = await db.select().from(childProtectionPlans).where(and(eq(childProtectionPlans.childId, childId), isNull(childProtectionPlans.endDate)));
  return plan ?? null;
}

/**
 * The outcome this decision would vary (DC5): the one already recorded here, or else the last
 * outcome reached for the child at the conferences this one reconvenes (an adjournment decided nothing).
 */
export async function previousOutcomeOf(db: Queryable, state: Pick<DecisionFacts, 'decisions' | 'conference'>, childId: string): Promise<Outcome | null> {
  const here = state.decisions.find((d) => d.childId === childId);
  if (here && isOutcome(here.outcome)) return here.outcome;
  let from = state.conference.reconvenedFromId;
  for (let depth = 0; from && depth < 10; depth += 1) {
    const [earlier] = await db.select({ outcome: meetingDecisions.outcome }).from(meetingDecisions).where(and(eq(meetingDecisions.conferenceId, from), eq(meetingDecisions.childId, childId)));
    if (earlier && earlier.outcome !== 'adjourned' && isOutcome(earlier.outcome)) return earlier.outcome;
    const [conference] = await db.select({ reconvenedFromId: conferences.reconvenedFromId }).from(conferences).where(eq(conferences.id, from));
    from = conference?.reconvenedFromId ?? null;
  }
  return null;
}

export function practitionerViews(state: Pick<DecisionFacts, 'views'>, childId: string): PractitionerView[] {
  return state.views
    .filter((v) => v.childId === childId)
    .flatMap((v) => (isAgencyId(v.agency) ? [{ id: v.id, name: v.name, agency: v.agency, planNeeded: v.planNeeded, categories: v.categories.filter(isCategoryCode), reasons: v.reasons }] : []));
}

/** Everything a decision for this child is checked against (CF1, DC3–DC8). */
export async function decisionContextFor(
  db: Queryable,
  state: DecisionFacts,
  child: MeetingChild,
): Promise<{ context: DecisionContext; openPlan: PlanRow | null; conferenceDate: Temporal.PlainDate }> {
  const conferenceDate = Temporal.PlainDate.from(state.meeting?.conferenceDate ?? '');
  const calendar = await workingCalendar(db);
  const dates = planDates(state.pack, state.rules, child.childType, conferenceDate, calendar);
  const openPlan = await openPlanOf(db, child.childId);
  const context: DecisionContext = {
    rules: state.rules,
    childType: child.childType,
    quorate: state.quorum.get(child.childId)?.quorate ?? false,
    views: practitionerViews(state, child.childId),
    existingPlan: openPlan && openPlan.startConferenceId !== state.conference.id ? { categories: openPlan.latestCategories } : null,
    previousOutcome: await previousOutcomeOf(db, state, child.childId),
    conferenceDate: conferenceDate.toString(),
    childUnderFive: isUnderFive(child.dateOfBirth, child.expectedDeliveryDate, conferenceDate.toString()),
    firstCoreGroupDue: dates.firstCoreGroup ? dueDateText(dates.firstCoreGroup) : null,
    reviewDue: dueDateText(dates.review),
  };
  return { context, openPlan, conferenceDate };
}
