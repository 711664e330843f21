import { Temporal } from 'temporal-polyfill';

// The one day-number module. Integer day numbers (days since 1970-01-01) keep the deadline hot path
// and the calendar's arrays free of Temporal objects; Temporal.PlainDate is used at the edges. The
// conversions are Howard Hinnant's civil-date algorithms: exact for the proleptic Gregorian
// calendar, no loops. A date travels as one packed integer, yyyymmdd, so turning a day number into
// a date allocates nothing.

export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date of a day number, packed as year * 10000 + month * 100 + day. */
export function packedDateOf(epochDay: number): number {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

export const yearOfPacked = (packed: number): number => Math.floor(packed / 10000);
export const monthOfPacked = (packed: number): number => Math.floor(packed / 100) % 100;
export const dayOfPacked = (packed: number): number => packed % 100;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The same day of the month n months later (or earlier, for negative n); where that day does
 * not exist, the last day of that month (RULES.md § 0: 2025-11-30 + 3 months = 2026-02-28).
 */
export function addMonthsToEpochDay(epochDay: number, n: number): number {
  const packed = packedDateOf(epochDay);
  const monthIndex = yearOfPacked(packed) * 12 + (monthOfPacked(packed) - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(dayOfPacked(packed), daysInMonth(year, month));
  return epochDayOf(year, month, day);
}

/** ISO weekday, Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday. */
export function isoWeekdayOf(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

export function twoDigits(n: number): string {
  return TWO_DIGITS[n] ?? String(n).padStart(2, '0');
}

function yearText(year: number): string {
  return year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
}

function buildIsoDate(epochDay: number): string {
  const packed = packedDateOf(epochDay);
  return `${yearText(yearOfPacked(packed))}-${twoDigits(monthOfPacked(packed))}-${twoDigits(dayOfPacked(packed))}`;
}

// Formatting a date costs more than counting it, and deadlines cluster in a few decades, so the
// text of each day from 1900 to 2199 is kept once made (about 110,000 strings at most).
const CACHE_FIRST_DAY = epochDayOf(1900, 1, 1);
const isoDateCache: (string | undefined)[] = new Array<string | undefined>(epochDayOf(2200, 1, 1) - CACHE_FIRST_DAY).fill(undefined);

/** YYYY-MM-DD for a day number. */
export function isoDateOf(epochDay: number): string {
  const i = epochDay - CACHE_FIRST_DAY;
  if (i < 0 || i >= isoDateCache.length) return buildIsoDate(epochDay);
  return (isoDateCache[i] ??= buildIsoDate(epochDay));
}

const ISO_TIMES: readonly string[] = Array.from({ length: 1440 }, (_, m) => `${twoDigits(Math.floor(m / 60))}:${twoDigits(m % 60)}`);

/** HH:MM for a minute of the day. */
export function isoTimeOf(minuteOfDay: number): string {
  return ISO_TIMES[minuteOfDay] ?? `${twoDigits(Math.floor(minuteOfDay / 60))}:${twoDigits(minuteOfDay % 60)}`;
}

/** YYYY-MM-DDTHH:MM for a local wall time counted in minutes since 1970-01-01T00:00. */
export function isoDateTimeOf(localMinutes: number): string {
  const epochDay = Math.floor(localMinutes / 1440);
  return `${isoDateOf(epochDay)}T${isoTimeOf(localMinutes - epochDay * 1440)}`;
}

/**
 * The day number of a YYYY-MM-DD already known to be a date (a stored date column, a computed due
 * date): read from its digits, with no Temporal object. Input that is not such a date is a bug.
 */
export function epochDayOfIso(date: string): number {
  if (date.length < 10 || date[4] !== '-' || date[7] !== '-') throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return epochDayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return epochDayOfIso(to) - epochDayOfIso(from);
}

/** A Temporal date's day number: Temporal at the edges, day numbers in the hot loops. */
export function toEpochDay(date: Temporal.PlainDate | Temporal.PlainDateTime): number {
  return epochDayOf(date.year, date.month, date.day);
}

export function fromEpochDay(epochDay: number): Temporal.PlainDate {
  const packed = packedDateOf(epochDay);
  return new Temporal.PlainDate(yearOfPacked(packed), monthOfPacked(packed), dayOfPacked(packed));
}

export function isWeekendEpochDay(epochDay: number): boolean {
  return isoWeekdayOf(epochDay) >= 6;
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
