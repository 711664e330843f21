import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import { computeDeadline, deadlineState, DeadlineError, formatDate, type Deadline } from '../../../domain/deadlines/index.js';
import type { PackId } from '../../../domain/packs/pack-id.js';
import { childInNeedDeadline } from '../../../domain/plans/after-plan.js';
import { nextCoreGroupDue, planDistributionDue, unbornCoreGroupPrompt } from '../../../domain/plans/core-groups.js';
import { CONTINUING_SUPPORT_LABELS, ENDING_ROUTE_LABELS, type ContinuingSupport, type EndingRoute } from '../../../domain/plans/ending.js';
import { dueDateOf, nextReview, REVIEW_REQUEST_LEAD_WORKING_DAYS, REVIEW_TRIGGER_LABELS, type ReviewTrigger } from '../../../domain/plans/reviews.js';
import { nextVisitDue, visitBreaches } from '../../../domain/plans/visits.js';
import type { LoadedPlan } from '../../../modules/plans/load-plan.js';
import { PLAN_ACTION_STATUS_LABELS, type PlanActionStatus } from '../../../modules/plans/save-plan-action.js';

export interface DeadlineRow {
  label: string;
  ruleId: string | null;
  due: string | null;
  state: string | null;
  stateClass: string;
  explanation: string;
}

const STATE_WORDS: Record<string, [string, string]> = {
  'due-later': ['Due later', 'govuk-tag--grey'], 'due-soon': ['Due soon', 'govuk-tag--yellow'], 'due-today': ['Due today', 'govuk-tag--orange'],
  overdue: ['Overdue', 'govuk-tag--red'], met: ['Met', 'govuk-tag--green'], 'met-late': ['Met late', 'govuk-tag--orange'], 'met-early': ['Met', 'govuk-tag--green'],
};

function row(label: string, deadline: Deadline | null, now: Temporal.PlainDateTime, calendar: WorkingCalendar, extra = '', metOn: string | null = null): DeadlineRow {
  if (!deadline) return { label, ruleId: null, due: null, state: null, stateClass: '', explanation: extra };
  let state: [string, string] | undefined;
  try {
    state = STATE_WORDS[deadlineState(deadline, now, metOn ? Temporal.PlainDate.from(metOn) : null, calendar).state];
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
  }
  return {
    label, ruleId: deadline.ruleId, due: formatDate(dueDateOf(deadline)), state: state?.[0] ?? null, stateClass: state?.[1] ?? '',
    explanation: [deadline.explanation, extra].filter(Boolean).join(' '),
  };
}

/** What the plan page shows, worked out now from the stored facts: every deadline with its state and explanation. */
export function presentPlan(p: LoadedPlan, pack: PackId, calendar: WorkingCalendar, now: Temporal.PlainDateTime) {
  const { plan, child } = p;
  const today = now.toPlainDate();
  const deadlines: DeadlineRow[] = [];
  const problems: string[] = [];
  const open = plan.endDate === null;
  const visitFacts = { pack, calendar, planStartedOn: plan.startDate, frequencyWeeks: plan.visitFrequencyWeeks, visits: p.visits };
  const breaches = open ? visitBreaches(visitFacts, today) : [];
  if (open) {
    const coreGroup = nextCoreGroupDue({
      pack, calendar, planStartedOn: plan.startDate, laterConferencesKeepingPlan: p.reviewsHeld.map((r) => r.heldOn),
      coreGroups: p.coreGroups.map((c) => ({ heldOn: c.heldOn, nextIntervalWeeks: c.nextIntervalWeeks })),
    });
    deadlines.push(row(coreGroup.first ? 'First core group' : 'Next core group', coreGroup.deadline, now, calendar, coreGroup.problem ?? ''));
    const visit = nextVisitDue(visitFacts);
    deadlines.push(row('Next statutory visit', visit.deadline, now, calendar,
      visit.problem ?? (visit.lastSeenOn ? '' : 'No visit at which the child was seen yet: counted from the start of the plan.')));
    const review = nextReview({ pack, calendar, planStartedOn: plan.startDate, reviewsHeld: p.reviewsHeld.map((r) => r.heldOn), dateOfBirth: child.dateOfBirth, earlyReviewOn: p.earlyReviewOn });
    const reviewNote = `Asked for from business support ${REVIEW_REQUEST_LEAD_WORKING_DAYS} working days ahead, on ${formatDate(review.requestOn)}.` +
      (p.arranging ? ` A ${p.arranging.kind.replace('-', ' ')} is being arranged (${p.arranging.status}).` : '');
    const reviewLabel = review.kind === 'designated-review' ? `Review ${review.number} (designated review)` : `Review ${review.number}`;
    if (review.early) {
      deadlines.push(row(`${reviewLabel}: early, the conference was not quorate`, review.early, now, calendar, reviewNote));
      deadlines.push(row(`${reviewLabel}: statutory latest date`, review.statutory, now, calendar, 'Superseded by the early review above.'));
    } else {
      deadlines.push(row(reviewLabel, review.statutory, now, calendar, reviewNote));
    }
    if (review.designated) deadlines.push(row('Designated review if still on a plan', review.designated, now, calendar, 'The chair then writes a briefing note for service managers.'));
    if (child.dateOfBirth) {
      try {
        const eighteenth = computeDeadline({ ruleId: 'TS25', pack, from: Temporal.PlainDate.from(child.dateOfBirth), calendar });
        deadlines.push(row('18th birthday: the plan ends', eighteenth, now, calendar, review.eighteenth ? `Hold the review before the birthday, by ${formatDate(review.holdBy)}.` : ''));
      } catch (error) {
        if (!(error instanceof DeadlineError)) throw error;
      }
    }
    const last = p.coreGroups.at(-1);
    if (last) deadlines.push(row('Updated plan distributed after the last core group', planDistributionDue(pack, last.heldOn, calendar), now, calendar, '', last.planDistributedOn));
    const unborn = unbornCoreGroupPrompt({
      expectedDeliveryDate: child.expectedDeliveryDate, born: child.dateOfBirth !== null, coreGroupsHeld: p.coreGroups.length,
      dischargePlanRecorded: p.coreGroups.some((c) => (c.dischargePlan ?? '').trim() !== ''),
    });
    if (unborn) problems.push(unborn);
  } else if (p.ending) {
    const after = childInNeedDeadline(pack, p.ending.endedOn, p.ending.continuingSupport, calendar);
    if (after) deadlines.push(row(after.bound === 'earliest' ? 'Child in need: stays allocated at least until' : 'Child in need plan review', after, now, calendar));
  }
  return {
    open,
    deadlines: deadlines.filter((d) => d.due !== null || d.explanation),
    problems,
    breaches: breaches.map((b) => ({ ...b, dueByText: formatDate(b.dueBy), seenOnText: b.seenOn ? formatDate(b.seenOn) : 'not yet seen' })),
    openBreach: (() => {
      const b = breaches.find((x) => x.seenOn === null);
      return b ? { ...b, dueByText: formatDate(b.dueBy) } : null;
    })(),
    actions: p.actions.map((a) => ({ ...a, statusLabel: PLAN_ACTION_STATUS_LABELS[a.status as PlanActionStatus] ?? a.status })),
    triggers: p.triggers.map((t) => ({ ...t, label: REVIEW_TRIGGER_LABELS[t.trigger as ReviewTrigger] ?? t.trigger })),
    ending: p.ending
      ? { ...p.ending, routeLabel: ENDING_ROUTE_LABELS[p.ending.route as EndingRoute] ?? (p.ending.route === 'review-decision' ? 'A review conference decided the plan is no longer needed' : p.ending.route), supportLabel: CONTINUING_SUPPORT_LABELS[p.ending.continuingSupport as ContinuingSupport] ?? p.ending.continuingSupport }
      : null,
    endReasonLabel: plan.endReason ? (ENDING_ROUTE_LABELS[plan.endReason as EndingRoute] ?? (plan.endReason.includes('review') ? 'A review conference decided the plan is no longer needed' : plan.endReason)) : null,
  };
}
