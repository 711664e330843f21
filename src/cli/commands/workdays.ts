import type { Command } from 'commander';
import type { Temporal } from 'temporal-polyfill';
import { DIVISIONS, isDivision } from '../../domain/calendar/division.js';
import { divisionLabel } from '../../domain/calendar/division-label.js';
import { parseIsoDate } from '../../domain/calendar/epoch-day.js';
import {
  bundledCalendar,
  CalendarRangeError,
  type CalendarDay,
  type WorkingCalendar,
} from '../../domain/calendar/working-calendar.js';
import { writeOutcome } from '../run-command.js';

export interface WorkdaysAddArgs {
  date: string;
  /** As typed: a whole number, possibly negative. */
  n: string;
  dayOne?: boolean;
  calendar?: string;
}

export type WorkdaysAddResult = { stdout: string } | { error: string };

/**
 * `convene workdays add <date> <n> [--day-one] [--calendar <division>]`: the date n working
 * days from <date> (day 0; with --day-one the first working day on or after it is day 1), and a
 * line saying which non-working weekdays were passed over.
 */
export function runWorkdaysAdd(args: WorkdaysAddArgs): WorkdaysAddResult {
  const division = args.calendar ?? 'england-and-wales';
  if (!isDivision(division)) {
    return { error: `Unknown calendar "${division}"; choose one of ${DIVISIONS.join(', ')}.` };
  }
  const from = parseIsoDate(args.date);
  if (!from) return { error: `"${args.date}" is not a real date in YYYY-MM-DD form.` };
  const n = /^[+-]?\d+$/.test(args.n) ? Number(args.n) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    return { error: `"${args.n}" is not a whole number of working days.` };
  }
  const dayOne = args.dayOne ?? false;
  if (dayOne && n < 1) {
    return { error: `With --day-one the count starts at day 1, so <n> must be 1 or more, not ${n}.` };
  }

  const calendar = bundledCalendar(division);
  let result: Temporal.PlainDate;
  try {
    result = calendar.addWorkingDays(from, n, { dayOne });
  } catch (error) {
    if (error instanceof CalendarRangeError || error instanceof RangeError) {
      return { error: error.message };
    }
    throw error;
  }
  return { stdout: `${result.toString()}\n${explain(calendar, from, n, dayOne, result)}\n` };
}

function explain(
  calendar: WorkingCalendar,
  from: Temporal.PlainDate,
  n: number,
  dayOne: boolean,
  result: Temporal.PlainDate,
): string {
  const on = `on the ${divisionLabel(calendar.division)} calendar`;
  const fromTitle = calendar.holidayTitle(from);
  const fromSkipped = !calendar.isWorkingDay(from) && (dayOne || n === 0);
  let headline: string;
  if (dayOne) {
    const dayOneDate = calendar.addWorkingDays(from, 1, { dayOne: true });
    headline = `Day 1 is ${longDate(dayOneDate)}, the first working day ${on} on or after ${longDate(from)}`;
    headline += n === 1 ? '.' : `; day ${n} is ${longDate(result)}.`;
  } else if (n === 0) {
    if (calendar.isWorkingDay(from)) return `${longDate(from)} is a working day ${on}.`;
    headline = `${longDate(from)} is not a working day ${on}; the next working day is ${longDate(result)}.`;
  } else {
    const count = `${Math.abs(n)} working day${Math.abs(n) === 1 ? '' : 's'}`;
    headline =
      `Day 0 is ${longDate(from)}; ${count} ${n > 0 ? 'later' : 'earlier'} ${on} ` +
      `is ${longDate(result)}.`;
  }

  // The days passed over lie strictly between day 0 and the result, plus day 0 itself when
  // counting had to move off it.
  const between = calendar
    .holidaysBetween(from, result)
    .filter((day) => day.date !== from.toString() && day.date !== result.toString());
  const skipped: CalendarDay[] =
    fromSkipped && fromTitle !== null && from.dayOfWeek <= 5
      ? [{ date: from.toString(), title: fromTitle }, ...between]
      : between;
  if (skipped.length === 0) {
    return `${headline} No bank holidays or closures fall in between.`;
  }
  const listed = skipped
    .map((day) => `${longDate(parseIsoDate(day.date)!)}, ${day.title}`)
    .join('; ');
  return `${headline} Not working days, besides weekends: ${listed}.`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function longDate(date: Temporal.PlainDate): string {
  return `${WEEKDAYS[date.dayOfWeek - 1]} ${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

export function register(program: Command): void {
  const workdays = program
    .command('workdays')
    .description('Count working days on a bank-holiday calendar (RULES.md § 0)');
  workdays
    .command('add')
    .description(
      'Print the date <n> working days after <date> (day 0), or before it when <n> is negative, ' +
        'then a line naming the bank holidays passed over',
    )
    .argument('<date>', 'day 0, as YYYY-MM-DD')
    .argument('<n>', 'working days to count; negative counts backwards (e.g. -5)')
    .option('--day-one', 'count the first working day on or after <date> as day 1 (Nottinghamshire)')
    .option('--calendar <division>', `bank-holiday calendar: ${DIVISIONS.join(', ')}`, 'england-and-wales')
    .allowExcessArguments(false)
    .action((date: string, n: string, options: { dayOne?: boolean; calendar: string }) => {
      writeOutcome(runWorkdaysAdd({ date, n, dayOne: options.dayOne ?? false, calendar: options.calendar }));
    });
}
