import { Temporal } from 'temporal-polyfill';
import { toEpochDay } from '../calendar/epoch-day.js';

// The only crossings between Temporal values and the day numbers the engine counts in.

/** Minutes since 1970-01-01T00:00 on the local clock, or null for a date alone. */
export function localMinutesOfTemporal(value: Temporal.PlainDate | Temporal.PlainDateTime): number | null {
  return value instanceof Temporal.PlainDateTime
    ? toEpochDay(value) * 1440 + value.hour * 60 + value.minute
    : null;
}
