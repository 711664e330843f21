import type { Temporal } from 'temporal-polyfill';
import { CalendarRangeError, type WorkingCalendar } from '../calendar/working-calendar.js';
import { epochDayOf, fromEpochDay as plainDate, toEpochDay } from '../calendar/epoch-day.js';
import { localMinutesOfTemporal } from './temporal-bridge.js';
import { DeadlineInputError } from './errors.js';
import type { Deadline } from './types.js';

export type DeadlineStateName = 'due-later' | 'due-soon' | 'due-today' | 'overdue' | 'met' | 'met-late' | 'met-early';

export interface DeadlineState {
  readonly state: DeadlineStateName;
  readonly workingDaysOverdue?: number;
  readonly workingDaysLeft?: number;
}

/** "Due soon" means within this many working days (and not today). */
export const DUE_SOON_WORKING_DAYS = 3;

interface Moment {
  readonly day: number;
  /** Minutes since 1970-01-01T00:00 local, or null for a date alone. */
  readonly minutes: number | null;
}

function momentOf(value: Temporal.PlainDate | Temporal.PlainDateTime): Moment {
  return { day: toEpochDay(value), minutes: localMinutesOfTemporal(value) };
}

function dueMoment(deadline: Deadline): Moment {
  const text = deadline.due.kind === 'date' ? deadline.due.date : deadline.due.dateTime;
  const day = epochDayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  if (deadline.due.kind === 'date') return { day, minutes: null };
  return { day, minutes: day * 1440 + Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16)) };
}

/** Later than the due: by the clock where both sides have a time, else by the day. */
function isAfter(moment: Moment, due: Moment): boolean {
  if (moment.minutes !== null && due.minutes !== null) return moment.minutes > due.minutes;
  return moment.day > due.day;
}

function workingDaysBetween(calendar: WorkingCalendar, a: number, b: number): number {
  try {
    return calendar.workingDaysBetween(plainDate(a), plainDate(b));
  } catch (error) {
    if (error instanceof CalendarRangeError) throw new DeadlineInputError(error.message, { cause: error });
    throw error;
  }
}

/**
 * Where a deadline stands at `now`, derived every time and never stored. With `metOn` (when the
 * thing happened) the answer is met or met late. For a minimum period (`bound: 'earliest'`)
 * "met" means the period has run, and acting before it is `met-early`.
 */
export function deadlineState(
  deadline: Deadline,
  now: Temporal.PlainDateTime,
  metOn: Temporal.PlainDate | Temporal.PlainDateTime | null | undefined,
  calendar: WorkingCalendar,
): DeadlineState {
  const due = dueMoment(deadline);
  const today = momentOf(now);

  if (deadline.bound === 'earliest') {
    if (metOn) return momentOf(metOn).day < due.day ? { state: 'met-early' } : { state: 'met' };
    if (today.day >= due.day) return { state: 'met' };
    return { state: 'due-later', workingDaysLeft: workingDaysBetween(calendar, today.day, due.day) };
  }

  if (metOn) {
    const met = momentOf(metOn);
    if (!isAfter(met, due)) return { state: 'met' };
    return { state: 'met-late', workingDaysOverdue: Math.max(0, workingDaysBetween(calendar, due.day, met.day)) };
  }
  if (isAfter(today, due)) {
    return { state: 'overdue', workingDaysOverdue: Math.max(0, workingDaysBetween(calendar, due.day, today.day)) };
  }
  if (today.day === due.day) return { state: 'due-today', workingDaysLeft: 0 };
  const left = workingDaysBetween(calendar, today.day, due.day);
  return { state: left <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'due-later', workingDaysLeft: left };
}
