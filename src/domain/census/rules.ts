import { formatDate } from '../deadlines/format-date.js';

/**
 * The Department's checks that touch what Convene records (CENSUS.md, "Checks the Department
 * applies"), one function per check. Both halves call these same functions: the export report
 * (validate.ts) over a whole year, and the actions that record a date, so staff meet a breach while
 * they work instead of months later in the return.
 */
export const CENSUS_RULES: Record<string, string> = {
  C01: 'LAchildID is present, at most 20 characters, letters and digits only',
  C02: 'Exactly one of PersonBirthDate and ExpectedPersonBirthDate',
  C03: 'Sex is M, F or U, and U for an unborn child',
  C04: 'An initial conference is never held, or due, on a Saturday or Sunday',
  C05: 'An initial conference is not before the referral',
  C06: 'A plan starts on the date of an initial conference in its episode',
  C07: 'A plan ends after it starts, never on the same day',
  C08: 'A child has no overlapping plans, and one open plan at most',
  C09: 'Each review of a plan is after its start (and not after its end)',
  C10: 'Initial and latest categories are NEG, PHY, SAB, EMO or MUL',
  C11: 'NumberOfPreviousCPP is present (0 allowed)',
  C12: 'Nothing is dated after the episode closed',
  C13: 'After a referral closed with no further action, no assessment, section 47 or plan follows',
  C14: 'CINclosureDate and ReasonForClosure: both or neither',
  C15: 'No plan starts or ends after the child’s death',
  C16: 'A section 47 is not before the referral, nor after its initial conference',
  C17: 'A section 47 older than 15 working days at the reference date has an initial conference or ICPCnotRequired (query)',
  C18: 'A child in need plan ends after it starts, starts no earlier than the referral and ends no later than the episode’s closure, and does not overlap another child in need plan',
  C19: 'No child in need plan is open during a child protection plan',
};

/** One breach of one check: the rule id and what is wrong, dates in words. */
export interface CensusBreach {
  rule: string;
  message: string;
}

/** A plan's span; an open plan has no end. */
export interface PlanSpan {
  startDate: string;
  endDate: string | null;
}

/** The conference kinds the census reads as an initial conference (DateOfInitialCPC), and as a review (CPPreviewDate). */
export const INITIAL_CONFERENCE_KINDS: readonly string[] = ['initial', 'pre-birth', 'transfer-in'];
export const REVIEW_CONFERENCE_KINDS: readonly string[] = ['review', 'designated-review', 'reconvened'];

/**
 * Whether a held conference is, for one child, the initial conference the census reports
 * (DateOfInitialCPC): an initial kind of conference, or any conference the child came to without a
 * plan (`childType` 'initial'): a sibling added to a review, or a reconvened conference finishing
 * an adjourned initial one.
 */
export function countsAsInitialConference(kind: string, childType: string | null): boolean {
  return INITIAL_CONFERENCE_KINDS.includes(kind) || childType === 'initial';
}

const weekday = (iso: string) => new Date(`${iso}T12:00:00Z`).getUTCDay();
export const isWeekend = (iso: string): boolean => weekday(iso) === 0 || weekday(iso) === 6;

/** The sentence a person sees at data entry: what is wrong, then the check by id and the Department's words for it. */
export function refusalMessage(breach: CensusBreach, advice: string): string {
  return `${breach.message} ${advice} Census check ${breach.rule}: ${CENSUS_RULES[breach.rule] ?? 'see the census page'}.`;
}

/** C04: an initial conference held, or due, on a Saturday or Sunday. */
export function c04InitialConferenceOnWeekend(date: string, what: 'held' | 'due'): CensusBreach | null {
  if (!isWeekend(date)) return null;
  const day = weekday(date) === 6 ? 'Saturday' : 'Sunday';
  return {
    rule: 'C04',
    message: what === 'held' ? `The initial conference on ${formatDate(date)} is on a ${day}.` : `The initial conference target date ${formatDate(date)} falls on a ${day}.`,
  };
}

/** C06: a plan starts on the date of an initial conference in its episode. */
export function c06PlanStartsOnInitialConference(planStart: string, initialConferenceDates: readonly string[]): CensusBreach | null {
  if (initialConferenceDates.includes(planStart)) return null;
  return { rule: 'C06', message: `The plan starting ${formatDate(planStart)} does not start on the date of an initial conference in this episode.` };
}

/** C07: a plan ends after it starts, never on the same day. */
export function c07PlanEndsAfterStart(plan: PlanSpan): CensusBreach | null {
  if (plan.endDate === null || plan.endDate > plan.startDate) return null;
  return { rule: 'C07', message: `The plan that started ${formatDate(plan.startDate)} ends on ${formatDate(plan.endDate)}.` };
}

/**
 * C08: the plan starting later overlaps one already running: the earlier has no end, or ends after
 * the later starts. (Ending and starting on the same day is a handover, not an overlap.)
 */
export function c08PlansOverlap(plan: PlanSpan, other: PlanSpan): CensusBreach | null {
  const [earlier, later] = other.startDate <= plan.startDate ? [other, plan] : [plan, other];
  if (earlier.endDate !== null && earlier.endDate <= later.startDate) return null;
  return { rule: 'C08', message: `A plan starting ${formatDate(later.startDate)} overlaps the plan that started ${formatDate(earlier.startDate)}${earlier.endDate === null ? ', which is still open' : ''}.` };
}

/** C08 at data entry: the first plan the child already has that a new one would overlap. */
export function c08NewPlanOverlaps(plan: PlanSpan, existing: readonly PlanSpan[]): CensusBreach | null {
  for (const other of existing) {
    const breach = c08PlansOverlap(plan, other);
    if (breach) return breach;
  }
  return null;
}

/** C09: a review is after the plan's start, and not after its end. */
export function c09ReviewInsidePlan(reviewDate: string, plan: PlanSpan): CensusBreach | null {
  if (reviewDate > plan.startDate && (plan.endDate === null || reviewDate <= plan.endDate)) return null;
  const where = reviewDate <= plan.startDate ? `on or before the start of the plan on ${formatDate(plan.startDate)}` : `after the plan ended on ${formatDate(plan.endDate!)}`;
  return { rule: 'C09', message: `A review on ${formatDate(reviewDate)} is ${where}.` };
}

/** C12: nothing in an episode is dated after the episode closed; `what` names the thing dated. */
export function c12DatedAfterClosure(date: string, closureDate: string | null, what = 'Something'): CensusBreach | null {
  if (closureDate === null || date <= closureDate) return null;
  return { rule: 'C12', message: `${what} is dated ${formatDate(date)}, after the case closed on ${formatDate(closureDate)}.` };
}

/** The episode a child in need plan sits in, and the child's child protection plans (of any episode). */
export interface CinPlanSetting {
  referralDate: string;
  closureDate: string | null;
  /** The episode's other child in need plans. */
  otherCinPlans: readonly PlanSpan[];
  childProtectionPlans: readonly PlanSpan[];
}

/**
 * C18 and C19 for one child in need plan (CINPlanStartDate, CINPlanEndDate): it ends after it
 * starts, sits inside its episode, overlaps no other child in need plan of the episode and no child
 * protection plan of the child. A plan ending the day another starts is a handover (a step-down on
 * the review conference's day, a step-up on the initial conference's), not an overlap.
 */
export function cinPlanBreaches(plan: PlanSpan, setting: CinPlanSetting): CensusBreach[] {
  const found: CensusBreach[] = [];
  const overlaps = (a: PlanSpan, b: PlanSpan) => (b.endDate === null || a.startDate < b.endDate) && (a.endDate === null || b.startDate < a.endDate);
  if (plan.endDate !== null && plan.endDate <= plan.startDate) {
    found.push({ rule: 'C18', message: `The child in need plan that started ${formatDate(plan.startDate)} ends on ${formatDate(plan.endDate)}: it must end after the day it starts.` });
  }
  if (plan.startDate < setting.referralDate) {
    found.push({ rule: 'C18', message: `The child in need plan starts ${formatDate(plan.startDate)}, before the referral on ${formatDate(setting.referralDate)}.` });
  }
  if (setting.closureDate !== null && (plan.endDate === null || plan.endDate > setting.closureDate || plan.startDate > setting.closureDate)) {
    const when = plan.endDate === null ? 'is still open' : `is dated ${formatDate(plan.endDate > setting.closureDate ? plan.endDate : plan.startDate)}`;
    found.push({ rule: 'C18', message: `The child in need plan that started ${formatDate(plan.startDate)} ${when}, after the case closed on ${formatDate(setting.closureDate)}.` });
  }
  const other = setting.otherCinPlans.find((o) => overlaps(plan, o));
  if (other) found.push({ rule: 'C18', message: `The child in need plan starting ${formatDate(plan.startDate)} overlaps the child in need plan that started ${formatDate(other.startDate)}.` });
  const cp = setting.childProtectionPlans.find((o) => overlaps(plan, o));
  if (cp) {
    found.push({
      rule: 'C19',
      message: `The child in need plan starting ${formatDate(plan.startDate)} overlaps the child protection plan that started ${formatDate(cp.startDate)}${cp.endDate === null ? ', which is still open' : ` and ended ${formatDate(cp.endDate)}`}.`,
    });
  }
  return found;
}
