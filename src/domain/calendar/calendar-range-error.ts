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

  static forDate(date: string, calendarName: string, coversFrom: string, coversTo: string) {
    return new CalendarRangeError(
      `${date} is outside the ${calendarName} working-day calendar, which covers ` +
        `${coversFrom} to ${coversTo}; ${remedy(date < coversFrom)}.`,
      date,
      coversFrom,
      coversTo,
    );
  }

  static forCount(
    from: string,
    n: number,
    calendarName: string,
    coversFrom: string,
    coversTo: string,
  ) {
    const days = `${Math.abs(n)} working day${Math.abs(n) === 1 ? '' : 's'}`;
    const direction = n < 0 ? `${days} before` : `${days} from`;
    return new CalendarRangeError(
      `Counting ${direction} ${from} goes ${n < 0 ? 'before the start' : 'past the end'} of the ` +
        `${calendarName} working-day calendar, which covers ${coversFrom} to ${coversTo}; ` +
        `${remedy(n < 0)}.`,
      from,
      coversFrom,
      coversTo,
    );
  }
}

function remedy(beforeStart: boolean): string {
  return beforeStart
    ? 'import a bank-holiday calendar that covers the earlier years'
    : 'import a newer bank-holiday calendar';
}
