/** The calendar a date or a count fell outside: its name and the days it covers, YYYY-MM-DD. */
export interface CalendarSpan {
  readonly name: string;
  readonly coversFrom: string;
  readonly coversTo: string;
}

/**
 * A date, or the result of a count, lies outside the span the calendar's bank-holiday list
 * covers. Beyond that span we cannot tell working days from holidays, so we refuse rather than
 * guess: a deadline that silently ignored next year's bank holidays would be wrong.
 */
export class CalendarRangeError extends Error {
  override readonly name = 'CalendarRangeError';

  constructor(
    message: string,
    readonly date: string,
    readonly coversFrom: string,
    readonly coversTo: string,
  ) {
    super(message);
  }

  static forDate(date: string, calendar: CalendarSpan) {
    return new CalendarRangeError(
      `${date} is outside the ${calendar.name} working-day calendar, which covers ` +
        `${calendar.coversFrom} to ${calendar.coversTo}; ${remedy(date < calendar.coversFrom)}.`,
      date,
      calendar.coversFrom,
      calendar.coversTo,
    );
  }

  static forCount(from: string, n: number, calendar: CalendarSpan) {
    const days = `${Math.abs(n)} working day${Math.abs(n) === 1 ? '' : 's'}`;
    const direction = n < 0 ? `${days} before` : `${days} from`;
    return new CalendarRangeError(
      `Counting ${direction} ${from} goes ${n < 0 ? 'before the start' : 'past the end'} of the ` +
        `${calendar.name} working-day calendar, which covers ${calendar.coversFrom} to ${calendar.coversTo}; ` +
        `${remedy(n < 0)}.`,
      from,
      calendar.coversFrom,
      calendar.coversTo,
    );
  }
}

function remedy(beforeStart: boolean): string {
  return beforeStart
    ? 'import a bank-holiday calendar that covers the earlier years'
    : 'import a newer bank-holiday calendar';
}
