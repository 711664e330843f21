import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { RuleProblem } from '../rules/rule-problem.js';
import { choiceSet } from '../choices.js';

/** The agencies a strategy discussion draws on (002 2.58–2.59). */
export const { labels: STRATEGY_AGENCY_LABELS, values: STRATEGY_AGENCIES } = choiceSet({
  'childrens-social-care': 'Children’s social care',
  police: 'Police',
  health: 'Health',
  education: 'School or education',
  'adult-services': 'Adult services',
  probation: 'Probation',
  voluntary: 'Voluntary sector',
  other: 'Other',
});
export type StrategyAgency = (typeof STRATEGY_AGENCIES)[number];

/** The agencies every strategy discussion should include: social care convenes it, police and health take part. */
export const CORE_STRATEGY_AGENCIES: readonly StrategyAgency[] = ['childrens-social-care', 'police', 'health'];

export interface Participant {
  agency: string;
  name: string;
  role: string;
}

/** Children's social care convenes the discussion (2.59), so without it there was none. */
export function checkParticipants(participants: readonly Participant[]): RuleProblem[] {
  if (participants.length === 0) return [{ field: 'participants', message: 'List who took part in the strategy discussion' }];
  if (!participants.some((p) => p.agency === 'childrens-social-care')) {
    return [{ field: 'participants', message: 'Children’s social care convenes the strategy discussion: list who took part for it' }];
  }
  return [];
}

/** Police and health missing is allowed but must be seen (FD3): a warning, not a refusal. */
export function missingCoreAgencies(participants: readonly Pick<Participant, 'agency'>[]): StrategyAgency[] {
  return CORE_STRATEGY_AGENCIES.filter((a) => a !== 'childrens-social-care' && !participants.some((p) => p.agency === a));
}

/** Hours within which the child is seen after a discussion about physical abuse or serious neglect (002, Pan-Dorset note after 2.60). */
export const CHILD_SEEN_WITHIN_HOURS = 24;

export interface UrgentTimings {
  /** The discussion is due on the working day the concern arose (the next one if it arose out of hours on a non-working day). */
  discussionDueOn: Temporal.PlainDate;
  discussionLate: boolean;
  /** Exact elapsed time in Europe/London (RULES.md § 0, "N hours"). */
  childToBeSeenBy: Temporal.PlainDateTime;
}

export function urgentTimings(
  concernRaisedAt: Temporal.PlainDateTime,
  heldAt: Temporal.PlainDateTime,
  calendar: WorkingCalendar,
): UrgentTimings {
  const discussionDueOn = calendar.addWorkingDays(concernRaisedAt.toPlainDate(), 0);
  const childToBeSeenBy = heldAt.toZonedDateTime('Europe/London').add({ hours: CHILD_SEEN_WITHIN_HOURS }).toPlainDateTime();
  return {
    discussionDueOn,
    discussionLate: Temporal.PlainDate.compare(heldAt.toPlainDate(), discussionDueOn) > 0,
    childToBeSeenBy,
  };
}

/** The record is circulated to everyone who took part within one working day (002 2.63). */
export function circulationDueOn(heldOn: Temporal.PlainDate, calendar: WorkingCalendar): Temporal.PlainDate {
  return calendar.addWorkingDays(heldOn, 1);
}

export interface DiscussionTimes {
  heldAt: Temporal.PlainDateTime;
  now: Temporal.PlainDateTime;
  physicalAbuseOrSeriousNeglect: boolean;
  concernRaisedAt?: Temporal.PlainDateTime | undefined;
}

export function checkDiscussionTimes(t: DiscussionTimes): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (Temporal.PlainDateTime.compare(t.heldAt, t.now) > 0) problems.push({ field: 'heldDate', message: 'The strategy discussion cannot be in the future' });
  if (t.physicalAbuseOrSeriousNeglect && !t.concernRaisedAt) {
    problems.push({ field: 'concernDate', message: 'Enter when the concern of physical abuse or serious neglect came to light' });
  }
  if (t.concernRaisedAt && Temporal.PlainDateTime.compare(t.concernRaisedAt, t.heldAt) > 0) {
    problems.push({ field: 'concernDate', message: 'The concern must have come to light before the strategy discussion' });
  }
  return problems;
}

export function checkCirculation(circulatedAt: Temporal.PlainDateTime, heldAt: Temporal.PlainDateTime, now: Temporal.PlainDateTime): RuleProblem[] {
  if (Temporal.PlainDateTime.compare(circulatedAt, heldAt) < 0) return [{ field: 'circulatedDate', message: 'The record cannot be circulated before the discussion was held' }];
  if (Temporal.PlainDateTime.compare(circulatedAt, now) > 0) return [{ field: 'circulatedDate', message: 'The circulation date cannot be in the future' }];
  return [];
}
