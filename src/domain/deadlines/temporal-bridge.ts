import { Temporal } from 'temporal-polyfill';
import { dayOfPacked, epochDayOf, monthOfPacked, packedDateOf, yearOfPacked } from './civil-date.js';

// The only crossings between Temporal values and the day numbers the engine counts in.

export function plainDateOfEpochDay(epochDay: number): Temporal.PlainDate {
  const packed = packedDateOf(epochDay);
  return new Temporal.PlainDate(yearOfPacked(packed), monthOfPacked(packed), dayOfPacked(packed));
}

export function epochDayOfTemporal(value: Temporal.PlainDate | Temporal.PlainDateTime): number {
  return epochDayOf(value.year, value.month, value.day);
}

/** Minutes since 1970-01-01T00:00 on the local clock, or null for a date alone. */
export function localMinutesOfTemporal(value: Temporal.PlainDate | Temporal.PlainDateTime): number | null {
  return value instanceof Temporal.PlainDateTime
    ? epochDayOfTemporal(value) * 1440 + value.hour * 60 + value.minute
    : null;
}
