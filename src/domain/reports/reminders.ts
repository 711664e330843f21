import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Deadline } from '../deadlines/index.js';

/** How many working days before a report is due its author is reminded. */
export const REMINDER_WORKING_DAYS = 2;

function dueDateOf(deadline: Deadline): Temporal.PlainDate {
  return Temporal.PlainDate.from(deadline.due.kind === 'date' ? deadline.due.date : deadline.due.dateTime.slice(0, 10));
}

/**
 * Whether a promised report, not yet in, should be chased today: from REMINDER_WORKING_DAYS working
 * days before its date to the date itself. One reminder per report is the caller's job (it looks
 * for one already sent); after the date the chair's readiness view shows it as late instead.
 */
export function reminderDue(deadline: Deadline, today: Temporal.PlainDate, calendar: WorkingCalendar): boolean {
  const due = dueDateOf(deadline);
  if (Temporal.PlainDate.compare(today, due) > 0) return false;
  const from = calendar.addWorkingDays(due, -REMINDER_WORKING_DAYS);
  return Temporal.PlainDate.compare(today, from) >= 0;
}
