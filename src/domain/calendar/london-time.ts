import { Temporal } from 'temporal-polyfill';

// Staff enter dates and times on the London clock; the database keeps instants.

const LONDON = 'Europe/London';

/** The instant of a London wall-clock date and time ("2026-03-02", "09:30"). */
export function londonInstant(date: string, time = '00:00'): Date {
  const zoned = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(LONDON, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

export function londonDateTimeOf(instant: Date): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(LONDON).toPlainDateTime();
}

export function londonDateOf(instant: Date): Temporal.PlainDate {
  return londonDateTimeOf(instant).toPlainDate();
}

/** The instant a London wall-clock date-time names. */
export function instantOfLondon(local: Temporal.PlainDateTime): Date {
  return new Date(local.toZonedDateTime(LONDON, { disambiguation: 'compatible' }).epochMilliseconds);
}

/** The London calendar date of an instant as YYYY-MM-DD: timescales count in local days (RULES.md § 0). */
export function londonIsoDate(instant: Date): string {
  return londonDateOf(instant).toString();
}
