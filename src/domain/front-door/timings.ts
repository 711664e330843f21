import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { CORE_ASSESSMENT_WORKING_DAYS } from './section-47-rules.js';
import { WRITTEN_CONFIRMATION_HOURS } from './referral-rules.js';

/**
 * Where a front-door due date stands: derived on every read, never stored. Dates compare by
 * day; date-times (the 48-hour confirmation) by the London clock.
 */
export type DueStatus = 'met' | 'met-late' | 'overdue' | 'due-today' | 'due-later';

export const DUE_STATUS_LABELS: Record<DueStatus, string> = {
  met: 'Done in time',
  'met-late': 'Done late',
  overdue: 'Overdue',
  'due-today': 'Due today',
  'due-later': 'Due',
};

export function dateDueStatus(due: Temporal.PlainDate, metOn: Temporal.PlainDate | null, today: Temporal.PlainDate): DueStatus {
  if (metOn) return Temporal.PlainDate.compare(metOn, due) <= 0 ? 'met' : 'met-late';
  const c = Temporal.PlainDate.compare(today, due);
  return c > 0 ? 'overdue' : c === 0 ? 'due-today' : 'due-later';
}

export function dateTimeDueStatus(due: Temporal.PlainDateTime, metAt: Temporal.PlainDateTime | null, now: Temporal.PlainDateTime): DueStatus {
  if (metAt) return Temporal.PlainDateTime.compare(metAt, due) <= 0 ? 'met' : 'met-late';
  if (Temporal.PlainDateTime.compare(now, due) > 0) return 'overdue';
  return now.toPlainDate().equals(due.toPlainDate()) ? 'due-today' : 'due-later';
}

/** FD1: the decision on next steps, and the acknowledgement of a written referral, within one working day. */
export function referralDecisionDueOn(receivedOn: Temporal.PlainDate, calendar: WorkingCalendar): Temporal.PlainDate {
  return calendar.addWorkingDays(receivedOn, 1);
}

/** FD1: a professional's telephone referral is confirmed in writing within 48 hours (elapsed, London time). */
export function writtenConfirmationDueAt(receivedAt: Temporal.PlainDateTime): Temporal.PlainDateTime {
  return receivedAt.toZonedDateTime('Europe/London').add({ hours: WRITTEN_CONFIRMATION_HOURS }).toPlainDateTime();
}

/** FD2: the initial assessment is complete within 10 working days of the referral (002 2.41). */
export const INITIAL_ASSESSMENT_WORKING_DAYS = 10;

export function initialAssessmentDueOn(referralReceivedOn: Temporal.PlainDate, calendar: WorkingCalendar): Temporal.PlainDate {
  return calendar.addWorkingDays(referralReceivedOn, INITIAL_ASSESSMENT_WORKING_DAYS);
}

/** FD4: the core assessment through which the enquiry runs is complete within 35 working days of its start. */
export function coreAssessmentDueOn(section47StartedOn: Temporal.PlainDate, calendar: WorkingCalendar): Temporal.PlainDate {
  return calendar.addWorkingDays(section47StartedOn, CORE_ASSESSMENT_WORKING_DAYS);
}
