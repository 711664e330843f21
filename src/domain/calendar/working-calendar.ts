import type { Temporal } from 'temporal-polyfill';
import { englandAndWales } from './bank-holidays/england-and-wales.js';
import { northernIreland } from './bank-holidays/northern-ireland.js';
import { scotland } from './bank-holidays/scotland.js';
import { CalendarRangeError, type CalendarSpan } from './calendar-range-error.js';
import type { Division } from './division.js';
import { divisionLabel } from './division-label.js';
import { fromEpochDay, isWeekendEpochDay, parseIsoDate, toEpochDay } from './epoch-day.js';
import type { BankHolidayCalendarData, CalendarDay } from './types.js';

export type { BankHolidayCalendarData, CalendarDay } from './types.js';
export { CalendarRangeError } from './calendar-range-error.js';

export interface AddWorkingDaysOptions {
  /**
   * Count the first working day on or after `from` as day 1 (Nottinghamshire: "Day 1 is the
   * date the decision ... is made"), instead of treating `from` as day 0.
   */
  dayOne?: boolean;
}

/**
 * Working days (Monday to Friday, less bank holidays and the authority's closure days) over the
 * span one bank-holiday list covers. RULES.md § 0 "How time is counted".
 *
 * Every question is answered from two tables built once: `before[i]`, the number of working days
 * strictly before day i of the span, and `workingDays`, the working days in order. Counting n
 * working days is then one lookup in each, whatever n is, so deadlines cost the same whether
 * they are 1 or 2,000 working days away.
 */
export class WorkingCalendar {
  readonly division: Division;
  readonly source: string;
  readonly coversFrom: Temporal.PlainDate;
  readonly coversTo: Temporal.PlainDate;

  private readonly firstEpochDay: number;
  private readonly span: number;
  private readonly before: Int32Array;
  private readonly workingDays: Int32Array;
  private readonly titles: Map<number, string>;
  /** Bank holidays and closures on weekdays, ascending: the days that break the weekly rhythm. */
  private readonly weekdayHolidayEpochDays: Int32Array;
  private readonly weekdayHolidays: CalendarDay[];
  private readonly name: string;

  private constructor(
    data: BankHolidayCalendarData,
    coversFrom: Temporal.PlainDate,
    coversTo: Temporal.PlainDate,
    titles: Map<number, string>,
  ) {
    this.division = data.division;
    this.source = data.source;
    this.coversFrom = coversFrom;
    this.coversTo = coversTo;
    this.name = divisionLabel(data.division);
    this.titles = titles;
    this.firstEpochDay = toEpochDay(coversFrom);
    this.span = toEpochDay(coversTo) - this.firstEpochDay + 1;

    this.before = new Int32Array(this.span + 1);
    const working: number[] = [];
    for (let i = 0; i < this.span; i += 1) {
      const epochDay = this.firstEpochDay + i;
      const isWorking = !isWeekendEpochDay(epochDay) && !titles.has(epochDay);
      if (isWorking) working.push(epochDay);
      this.before[i + 1] = working.length;
    }
    this.workingDays = Int32Array.from(working);

    const weekdayHolidays = [...titles.entries()]
      .filter(([epochDay]) => !isWeekendEpochDay(epochDay))
      .sort(([a], [b]) => a - b);
    this.weekdayHolidayEpochDays = Int32Array.from(weekdayHolidays.map(([epochDay]) => epochDay));
    this.weekdayHolidays = weekdayHolidays.map(([epochDay, title]) => ({
      date: fromEpochDay(epochDay).toString(),
      title,
    }));
  }

  /**
   * Builds a calendar from one division's bank holidays plus the authority's own closure days.
   * Closures outside the covered span are ignored: no count can reach them without first
   * failing with a CalendarRangeError. Where a closure falls on a bank holiday, the bank
   * holiday's name is kept.
   */
  static fromData(data: BankHolidayCalendarData, closures: CalendarDay[] = []): WorkingCalendar {
    const coversFrom = requireDate(data.coversFrom, 'coversFrom');
    const coversTo = requireDate(data.coversTo, 'coversTo');
    if (toEpochDay(coversTo) < toEpochDay(coversFrom)) {
      throw new RangeError(
        `Calendar data for ${data.division} ends (${data.coversTo}) before it starts (${data.coversFrom}).`,
      );
    }
    const from = toEpochDay(coversFrom);
    const to = toEpochDay(coversTo);
    const titles = new Map<number, string>();
    for (const day of data.days) {
      const epochDay = toEpochDay(requireDate(day.date, 'bank holiday date'));
      if (epochDay < from || epochDay > to) {
        throw new RangeError(
          `Bank holiday ${day.date} (${day.title}) lies outside the span the ${data.division} ` +
            `calendar says it covers (${data.coversFrom} to ${data.coversTo}).`,
        );
      }
      if (!titles.has(epochDay)) titles.set(epochDay, day.title);
    }
    for (const closure of closures) {
      const epochDay = toEpochDay(requireDate(closure.date, 'closure date'));
      if (epochDay < from || epochDay > to) continue;
      if (!titles.has(epochDay)) titles.set(epochDay, closure.title);
    }
    return new WorkingCalendar(data, coversFrom, coversTo, titles);
  }

  isWorkingDay(date: Temporal.PlainDate): boolean {
    const i = this.indexOf(toEpochDay(date));
    return this.before[i + 1]! > this.before[i]!;
  }

  /** The bank holiday or closure on this date (weekend ones included), or null. */
  holidayTitle(date: Temporal.PlainDate): string | null {
    const epochDay = toEpochDay(date);
    this.indexOf(epochDay);
    return this.titles.get(epochDay) ?? null;
  }

  /**
   * n > 0: the nth working day after `from` (day 0, working or not). n < 0: the |n|th working
   * day before `from`. n = 0: `from` if it is a working day, else the next working day.
   * With `dayOne`, the first working day on or after `from` is day 1 and n must be at least 1.
   */
  addWorkingDays(
    from: Temporal.PlainDate,
    n: number,
    options: AddWorkingDaysOptions = {},
  ): Temporal.PlainDate {
    return fromEpochDay(this.addWorkingDaysEpoch(toEpochDay(from), n, options.dayOne ?? false));
  }

  /** addWorkingDays on integer day numbers (days since 1970-01-01), for hot loops. */
  addWorkingDaysEpoch(epochDay: number, n: number, dayOne = false): number {
    if (!Number.isInteger(n)) {
      throw new RangeError(`A number of working days must be a whole number, not ${n}.`);
    }
    if (!Number.isInteger(epochDay)) {
      throw new RangeError(`An epoch day must be a whole number, not ${epochDay}.`);
    }
    const i = this.indexOf(epochDay);
    let k: number;
    if (dayOne) {
      if (n < 1) {
        throw new RangeError(
          `When the first working day counts as day 1, the count must be 1 or more, not ${n}.`,
        );
      }
      k = this.before[i]! + n - 1;
    } else if (n > 0) {
      k = this.before[i + 1]! + n - 1;
    } else {
      // n = 0 lands on the first working day on or after `from`; n < 0 steps back from there.
      k = this.before[i]! + n;
    }
    const result = this.workingDays[k];
    if (result === undefined) {
      throw CalendarRangeError.forCount(fromEpochDay(epochDay).toString(), n, this.covered());
    }
    return result;
  }

  /** Working days in (a, b]; negative, counting (b, a], when b is before a. */
  workingDaysBetween(a: Temporal.PlainDate, b: Temporal.PlainDate): number {
    const i = this.indexOf(toEpochDay(a));
    const j = this.indexOf(toEpochDay(b));
    return this.before[j + 1]! - this.before[i + 1]!;
  }

  /**
   * Bank holidays and closures on weekdays in (a, b] (or (b, a] when b is before a), in date
   * order: the days an explanation must name, since weekends go without saying.
   */
  holidaysBetween(a: Temporal.PlainDate, b: Temporal.PlainDate): CalendarDay[] {
    const ea = toEpochDay(a);
    const eb = toEpochDay(b);
    this.indexOf(ea);
    this.indexOf(eb);
    const lo = Math.min(ea, eb);
    const hi = Math.max(ea, eb);
    const start = firstGreaterThan(this.weekdayHolidayEpochDays, lo);
    const end = firstGreaterThan(this.weekdayHolidayEpochDays, hi);
    return this.weekdayHolidays.slice(start, end).map((day) => ({ ...day }));
  }

  /** What a range error names: this calendar and the days it covers. */
  private covered(): CalendarSpan {
    return { name: this.name, coversFrom: this.coversFrom.toString(), coversTo: this.coversTo.toString() };
  }

  private indexOf(epochDay: number): number {
    const i = epochDay - this.firstEpochDay;
    if (!(i >= 0 && i < this.span)) {
      throw CalendarRangeError.forDate(fromEpochDay(epochDay).toString(), this.covered());
    }
    return i;
  }
}

function requireDate(text: string, what: string): Temporal.PlainDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`Calendar ${what} "${text}" is not a real date in YYYY-MM-DD form.`);
  return date;
}

/** Index of the first element greater than `value` in an ascending array. */
function firstGreaterThan(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const BUNDLED: Record<Division, BankHolidayCalendarData> = {
  'england-and-wales': englandAndWales,
  scotland,
  'northern-ireland': northernIreland,
};

const bundledCache = new Map<Division, WorkingCalendar>();

/** The calendar shipped with Convene for a division, without closure days. Built once. */
export function bundledCalendar(division: Division): WorkingCalendar {
  let calendar = bundledCache.get(division);
  if (!calendar) {
    calendar = WorkingCalendar.fromData(BUNDLED[division]);
    bundledCache.set(division, calendar);
  }
  return calendar;
}

/** A copy of the bundled bank-holiday data, e.g. to show or to diff against an import. */
export function bundledCalendarData(division: Division): BankHolidayCalendarData {
  const data = BUNDLED[division];
  return { ...data, days: data.days.map((day) => ({ ...day })) };
}
