import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, formatDate, NotApplicableError, ruleInPack, type Deadline } from '../deadlines/index.js';
import type { PackId } from '../packs/pack-id.js';
import { choiceSet } from '../choices.js';

/**
 * How long before a review's statutory date it is requested from business support: 20 working
 * days, about four weeks. Booking needs a chair and a room; invitations go at least two weeks
 * before a review in nottinghamshire (TS19) and reports reach the chair and family 3 to 5 days
 * before (TS12–TS15), so a request made later than this leaves no room for either.
 */
export const REVIEW_REQUEST_LEAD_WORKING_DAYS = 20;

export interface ReviewFacts {
  readonly pack: PackId;
  readonly calendar: WorkingCalendar;
  /** The initial (or transfer-in) conference that made the plan. */
  readonly planStartedOn: string;
  /** Dates of the review conferences held since the plan started. */
  readonly reviewsHeld: readonly string[];
  readonly dateOfBirth: string | null;
  /**
   * CF1/CF2: the early review date the latest conference set because it kept or made the plan
   * without a quorum; null or absent where it set none.
   */
  readonly earlyReviewOn?: string | null;
}

export interface NextReview {
  /** TS5 (first review) or TS6 (each later one): the statutory latest date. */
  readonly statutory: Deadline;
  /** 1 for the first review, and so on. */
  readonly number: number;
  /** TS7 (newcastle): the 4th review is a designated review. */
  readonly kind: 'review' | 'designated-review';
  /** TS7's own date (21 months from the initial conference), where the pack has TS7. */
  readonly designated: Deadline | null;
  /** TS25: the 18th birthday, where it comes before the review is due. */
  readonly eighteenth: Deadline | null;
  /** The date to hold the review by: the statutory date, or the day before the 18th birthday if earlier. */
  readonly holdBy: string;
  /** When to ask business support to book it (REVIEW_REQUEST_LEAD_WORKING_DAYS before holdBy). */
  readonly requestOn: string;
  /** CF1: the early review an inquorate conference set, where it comes before the statutory date: it then drives holdBy. */
  readonly early: Deadline | null;
}

export function dueDateOf(d: Deadline): string {
  return d.due.kind === 'date' ? d.due.date : d.due.dateTime.slice(0, 10);
}

function tryDeadline(ruleId: string, pack: PackId, from: string, calendar: WorkingCalendar): Deadline | null {
  // Asked for every open plan on every home page: a rule the pack lacks is answered without building an error.
  if (!ruleInPack(pack, ruleId)) return null;
  try {
    return computeDeadline({ ruleId, pack, from: Temporal.PlainDate.from(from), calendar });
  } catch (error) {
    if (error instanceof NotApplicableError) return null;
    throw error;
  }
}

/** The 4th review is the designated one where the pack has TS7 (a child still on a plan about 21 months on). */
export const DESIGNATED_REVIEW_NUMBER = 4;

/**
 * TS5, TS6, TS7, TS25: the next review and when to ask for it. The first review is due within 3
 * months of the initial conference, each later one within 6 months of the previous review; a
 * child turning 18 first has the review planned before the birthday.
 */
export function nextReview(facts: ReviewFacts): NextReview {
  const held = [...facts.reviewsHeld].sort();
  const last = held.at(-1);
  const statutory = last
    ? computeDeadline({ ruleId: 'TS6', pack: facts.pack, from: Temporal.PlainDate.from(last), calendar: facts.calendar })
    : computeDeadline({ ruleId: 'TS5', pack: facts.pack, from: Temporal.PlainDate.from(facts.planStartedOn), calendar: facts.calendar });
  const number = held.length + 1;
  const designated = tryDeadline('TS7', facts.pack, facts.planStartedOn, facts.calendar);
  const kind = designated && number === DESIGNATED_REVIEW_NUMBER ? 'designated-review' : 'review';
  const birthday = facts.dateOfBirth ? tryDeadline('TS25', facts.pack, facts.dateOfBirth, facts.calendar) : null;
  const statutoryDate = dueDateOf(statutory);
  const eighteenth = birthday && dueDateOf(birthday) <= statutoryDate ? birthday : null;
  let holdBy = eighteenth ? Temporal.PlainDate.from(dueDateOf(eighteenth)).subtract({ days: 1 }).toString() : statutoryDate;
  const lastConference = last ?? facts.planStartedOn;
  const earlyOn = facts.earlyReviewOn && facts.earlyReviewOn > lastConference && facts.earlyReviewOn < holdBy ? facts.earlyReviewOn : null;
  let early: Deadline | null = null;
  if (earlyOn) {
    holdBy = earlyOn;
    early = {
      ...statutory,
      due: { kind: 'date', date: earlyOn },
      explanation: `Due ${formatDate(earlyOn)}: the early review the conference on ${formatDate(lastConference)} set because it was not quorate for this child (CF1), before the statutory date of ${formatDate(statutoryDate)}.`,
    };
  }
  return { statutory, number, kind, designated, eighteenth, holdBy, requestOn: reviewRequestDate(holdBy, facts.calendar), early };
}

/** The working day REVIEW_REQUEST_LEAD_WORKING_DAYS before the date the review must be held by. */
export function reviewRequestDate(holdBy: string, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(Temporal.PlainDate.from(holdBy), -REVIEW_REQUEST_LEAD_WORKING_DAYS).toString();
}

/** Whether the review should be requested now: from the request date on, unless one is already being arranged. */
export function reviewShouldBeRequested(review: Pick<NextReview, 'requestOn'>, today: Temporal.PlainDate, alreadyArranged: boolean): boolean {
  return !alreadyArranged && Temporal.PlainDate.compare(today, Temporal.PlainDate.from(review.requestOn)) >= 0;
}

/** RV2: the circumstances that bring a review forward. */
export const { labels: REVIEW_TRIGGER_LABELS, values: REVIEW_TRIGGERS } = choiceSet({
  'new-incident': 'A new incident of harm has been substantiated',
  'plan-failing': 'The plan is not working (for example, appointments missed)',
  'baby-due': 'A baby is expected in the household',
  'risk-person-joins': 'A person who may pose a risk has joined the household',
  'significant-change': 'Another significant change nobody foresaw',
  'looked-after-may-return': 'A looked-after child may go back to the situation that needed the plan',
  'core-group-may-end-plan': 'The core group thinks the plan may no longer be needed',
  'new-section-47': 'New section 47 enquiries about the child',
});
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

/**
 * RV2 checks: the hold-by date must fall before the statutory date (bringing forward, not
 * putting back) and not in the past; new section 47 concerns are told to the chair first.
 */
export function reviewTriggerProblems(input: {
  trigger: ReviewTrigger;
  occurredOn: string;
  holdBy: string;
  chairConsulted: boolean;
  statutoryDate: string;
  today: string;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (input.occurredOn > input.today) problems.push({ field: 'occurredOn', message: 'The date it happened cannot be in the future' });
  if (input.holdBy < input.today) problems.push({ field: 'holdBy', message: 'The date to hold the review by cannot be in the past' });
  else if (input.holdBy > input.statutoryDate) {
    problems.push({ field: 'holdBy', message: `Bringing the review forward means holding it before its statutory date, ${input.statutoryDate}` });
  }
  if (input.trigger === 'new-section-47' && !input.chairConsulted) {
    problems.push({ field: 'chairConsulted', message: 'Tell the conference chair about the new section 47 enquiries and consult them first' });
  }
  return problems;
}
