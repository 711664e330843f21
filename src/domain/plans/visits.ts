import { Temporal } from 'temporal-polyfill';
import { daysFromTo } from '../calendar/epoch-day.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, DeadlineInputError, type Deadline } from '../deadlines/index.js';
import { effectiveParameter } from '../packs/index.js';
import type { PackId } from '../packs/pack-id.js';

export interface VisitHeld {
  readonly visitedOn: string;
  readonly childSeen: boolean;
}

export interface VisitFacts {
  readonly pack: PackId;
  readonly calendar: WorkingCalendar;
  readonly planStartedOn: string;
  /** The plan's own frequency (PL1), in weeks; null where the conference set none. */
  readonly frequencyWeeks: number | null;
  readonly visits: readonly VisitHeld[];
}

export interface NextVisit {
  readonly deadline: Deadline | null;
  /** The last visit at which the child was seen, or null (counted from the plan's start). */
  readonly lastSeenOn: string | null;
  readonly problem: string | null;
}

/** A period in which the child was not seen within the frequency (CG3: flagged to the team manager). */
export interface VisitBreach {
  readonly dueBy: string;
  /** When the child was next seen; null while still overdue. */
  readonly seenOn: string | null;
  readonly daysLate: number;
  readonly visitsNotSeen: number;
}

function dueDateOf(d: Deadline): string {
  return d.due.kind === 'date' ? d.due.date : d.due.dateTime.slice(0, 10);
}

function visitDeadline(facts: VisitFacts, from: string): Deadline {
  return computeDeadline({
    ruleId: 'TS24', pack: facts.pack, from: Temporal.PlainDate.from(from), calendar: facts.calendar,
    intervalWeeks: facts.frequencyWeeks ?? undefined,
  });
}

const NO_FREQUENCY = 'The plan sets no visit frequency: a team manager must approve one (Visit frequency).';

/**
 * TS24: the next statutory visit is due within the frequency after the last visit at which the
 * child was seen. A visit where the child was not seen does not count: that is the point of
 * recording "child not seen" (CG3). Before any visit, it counts from the start of the plan.
 */
export function nextVisitDue(facts: VisitFacts): NextVisit {
  const seen = facts.visits.filter((v) => v.childSeen).map((v) => v.visitedOn).sort();
  const lastSeenOn = seen.at(-1) ?? null;
  try {
    return { deadline: visitDeadline(facts, lastSeenOn ?? facts.planStartedOn), lastSeenOn, problem: null };
  } catch (error) {
    if (error instanceof DeadlineInputError && error.missing === 'intervalWeeks') return { deadline: null, lastSeenOn, problem: NO_FREQUENCY };
    throw error;
  }
}

/**
 * Every gap in which the child went unseen for longer than the frequency, from the start of the
 * plan to `today`, oldest first. The last one has `seenOn: null` while it is still open.
 */
export function visitBreaches(facts: VisitFacts, today: Temporal.PlainDate): VisitBreach[] {
  const sorted = [...facts.visits].sort((a, b) => (a.visitedOn < b.visitedOn ? -1 : a.visitedOn > b.visitedOn ? 1 : 0));
  const breaches: VisitBreach[] = [];
  let from = facts.planStartedOn;
  let notSeen = 0;
  try {
    for (const visit of sorted) {
      if (!visit.childSeen) {
        notSeen += 1;
        continue;
      }
      const due = dueDateOf(visitDeadline(facts, from));
      if (visit.visitedOn > due) breaches.push({ dueBy: due, seenOn: visit.visitedOn, daysLate: daysFromTo(due, visit.visitedOn), visitsNotSeen: notSeen });
      from = visit.visitedOn;
      notSeen = 0;
    }
    const due = dueDateOf(visitDeadline(facts, from));
    const todayText = today.toString();
    if (todayText > due) breaches.push({ dueBy: due, seenOn: null, daysLate: daysFromTo(due, todayText), visitsNotSeen: notSeen });
  } catch (error) {
    if (error instanceof DeadlineInputError && error.missing === 'intervalWeeks') return [];
    throw error;
  }
  return breaches;
}

/**
 * The breach still open today, if any: the last entry of visitBreaches, worked out from the last
 * visit at which the child was seen alone (one deadline, not one per visit), for lists that
 * look at every plan of a team.
 */
export function openVisitBreach(facts: VisitFacts, today: Temporal.PlainDate): VisitBreach | null {
  const sorted = [...facts.visits].sort((a, b) => (a.visitedOn < b.visitedOn ? -1 : a.visitedOn > b.visitedOn ? 1 : 0));
  let from = facts.planStartedOn;
  let notSeen = 0;
  for (const visit of sorted) {
    if (!visit.childSeen) notSeen += 1;
    else {
      from = visit.visitedOn;
      notSeen = 0;
    }
  }
  let due: string;
  try {
    due = dueDateOf(visitDeadline(facts, from));
  } catch (error) {
    if (error instanceof DeadlineInputError && error.missing === 'intervalWeeks') return null;
    throw error;
  }
  const todayText = today.toString();
  if (todayText <= due) return null;
  return { dueBy: due, seenOn: null, daysLate: daysFromTo(due, todayText), visitsNotSeen: notSeen };
}

/** The frequency the pack allows at most (nottinghamshire's departmental 4 weeks), or null where the plan alone sets it. */
export function maximumVisitFrequencyWeeks(pack: PackId): number | null {
  const p = effectiveParameter(pack, 'TS24');
  return p && p.unit === 'weeks' ? p.n : null;
}

/** CG3: a proposed frequency a team manager may approve: whole weeks, and never longer than the pack's minimum standard. */
export function visitFrequencyProblem(pack: PackId, weeks: number): string | null {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 26) return 'Enter the frequency as a whole number of weeks from 1 to 26';
  const max = maximumVisitFrequencyWeeks(pack);
  if (max !== null && weeks > max) return `Children on a plan must be visited at least every ${max} weeks in this area`;
  return null;
}
