import { Temporal } from 'temporal-polyfill';

/** The London calendar date of an instant: timescales count in local days (RULES.md § 0). */
export function londonDate(instant: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO('Europe/London').toPlainDate().toString();
}
