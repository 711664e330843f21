import type { Division } from '../division.js';
import type { BankHolidayCalendarData, CalendarDay } from '../types.js';

/**
 * A division's list as transcribed from the GOV.UK bank-holidays document: 2018 to 2027 as
 * published, 2028 projected from the division's standing rules until GOV.UK publishes it.
 * The three divisions differ only in their days and in the rules that project 2028.
 */
export function fromGovUk(division: Division, standingRules: string, days: CalendarDay[]): BankHolidayCalendarData {
  return {
    division,
    source:
      `GOV.UK bank holidays (https://www.gov.uk/bank-holidays.json), division ${division}: ` +
      `2018 to 2027 as published. 2028 is PROJECTED from the standing rules (${standingRules}), ` +
      'not yet published: import the official list once GOV.UK publishes 2028.',
    coversFrom: '2018-01-01',
    coversTo: '2028-12-31',
    days,
  };
}
