import { Temporal } from 'temporal-polyfill';

// Integer day numbers (days since 1970-01-01) let the calendar index plain arrays. The conversions
// are Howard Hinnant's civil-date algorithms: exact for the proleptic Gregorian calendar, no loops.

export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function toEpochDay(date: Temporal.PlainDate): number {
  return epochDayOf(date.year, date.month, date.day);
}

export function fromEpochDay(epochDay: number): Temporal.PlainDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return new Temporal.PlainDate(year, month, day);
}

/** ISO weekday, Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7 + 1;
}

export function isWeekendEpochDay(epochDay: number): boolean {
  return isoWeekdayOfEpochDay(epochDay) >= 6;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Strict YYYY-MM-DD: no times, no offsets, no rolling 30 February over to March. Returns null
 * for anything else, so callers choose how to report it.
 */
export function parseIsoDate(text: string): Temporal.PlainDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  try {
    return Temporal.PlainDate.from(
      { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
      { overflow: 'reject' },
    );
  } catch {
    return null;
  }
}
