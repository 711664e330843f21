import { Temporal } from 'temporal-polyfill';
import { effectiveParameter } from '../packs/index.js';
import { epochDayOf } from '../calendar/epoch-day.js';
import type { Deadline } from './types.js';

/**
 * TS30: a conference booked after the due date of a rule the pack's TS30 covers (TS1, TS2)
 * needs written authorisation. Other deadlines, and minimum periods, never do.
 */
export function needsOutOfTimescaleAuthorisation(
  bookedDate: Temporal.PlainDate | Temporal.PlainDateTime,
  due: Deadline,
): boolean {
  const rule = effectiveParameter(due.pack, 'TS30');
  if (rule?.unit !== 'authorisation' || !rule.appliesTo.includes(due.ruleId) || due.bound === 'earliest') return false;
  const text = due.due.kind === 'date' ? due.due.date : due.due.dateTime;
  const dueDay = epochDayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  const bookedDay = epochDayOf(bookedDate.year, bookedDate.month, bookedDate.day);
  if (due.due.kind === 'dateTime' && bookedDate instanceof Temporal.PlainDateTime && bookedDay === dueDay) {
    return bookedDate.hour * 60 + bookedDate.minute > Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16));
  }
  return bookedDay > dueDay;
}
