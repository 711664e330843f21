import type { Division } from './division.js';

/** A named day on a calendar: a bank holiday or one of the authority's own closure days. */
export interface CalendarDay {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  title: string;
}

/**
 * One division's bank holidays over a stated span. The span matters as much as the days:
 * outside it we do not know which days are working days, so counting must stop there.
 */
export interface BankHolidayCalendarData {
  division: Division;
  /** Where the list came from, and which years (if any) are projected rather than published. */
  source: string;
  /** First day covered, YYYY-MM-DD. */
  coversFrom: string;
  /** Last day covered, YYYY-MM-DD. */
  coversTo: string;
  days: CalendarDay[];
}
