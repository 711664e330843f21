import type { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, NotApplicableError, type Deadline } from '../deadlines/index.js';
import type { PackId } from '../packs/pack-id.js';
import type { MeetingRules } from './meeting-rules.js';

/** A deadline, or null where the pack does not set the rule. */
export function deadlineIfSet(
  ruleId: string,
  pack: PackId,
  from: Temporal.PlainDate | Temporal.PlainDateTime,
  calendar: WorkingCalendar,
): Deadline | null {
  try {
    return computeDeadline({ ruleId, pack, from, calendar });
  } catch (error) {
    if (error instanceof NotApplicableError) return null;
    throw error;
  }
}

export function dueDateText(deadline: Deadline): string {
  return deadline.due.kind === 'date' ? deadline.due.date : deadline.due.dateTime.slice(0, 10);
}

export interface PlanDates {
  /** TS8; null where no first core group follows this conference for this child. */
  firstCoreGroup: Deadline | null;
  /** TS5 after an initial conference, TS6 after a review. */
  review: Deadline;
}

/** The dates a plan decision is checked against (DC6). */
export function planDates(
  pack: PackId,
  rules: MeetingRules,
  childType: 'initial' | 'review',
  conferenceDate: Temporal.PlainDate,
  calendar: WorkingCalendar,
): PlanDates {
  const firstCoreGroup =
    childType === 'initial' || rules.firstCoreGroupAfter === 'any-plan' ? deadlineIfSet('TS8', pack, conferenceDate, calendar) : null;
  const review = computeDeadline({ ruleId: childType === 'initial' ? 'TS5' : 'TS6', pack, from: conferenceDate, calendar });
  return { firstCoreGroup, review };
}

export interface WrittenViewsDates {
  viewsSoughtBy: string;
  responsesBy: string;
}

/** TS23 (Hertfordshire): after an inquorate conference ends a plan, views sought then responses, each in working days. */
export function writtenViewsDates(pack: PackId, conferenceDate: Temporal.PlainDate, calendar: WorkingCalendar): WrittenViewsDates | null {
  const d = deadlineIfSet('TS23', pack, conferenceDate, calendar);
  const [sought, responses] = d?.steps ?? [];
  if (!sought || !responses || sought.due.kind !== 'date' || responses.due.kind !== 'date') return null;
  return { viewsSoughtBy: sought.due.date, responsesBy: responses.due.date };
}
