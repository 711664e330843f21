import { Temporal } from 'temporal-polyfill';
import { daysInMonth, epochDayOf, isoWeekdayOf, packedDateOf, twoDigits, yearOfPacked } from '../calendar/epoch-day.js';

/*
 * Hour rules are exact elapsed time in Europe/London (RULES.md § 0). Temporal's ZonedDateTime
 * costs tens of microseconds in the polyfill, so the years the UK has followed the present rule
 * (summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October, since 1996) are computed here; other years fall back to Temporal's time-zone data.
 * Times are counted in minutes: UTC minutes for instants, "local minutes" for wall-clock times.
 */

export const LONDON = 'Europe/London';

const FIRST_YEAR = 1996;
const LAST_YEAR = 2099;
const summerStarts = new Float64Array(LAST_YEAR - FIRST_YEAR + 1);
const summerEnds = new Float64Array(LAST_YEAR - FIRST_YEAR + 1);

function lastSundayOf(year: number, month: number): number {
  const last = epochDayOf(year, month, daysInMonth(year, month));
  return last - (isoWeekdayOf(last) % 7);
}

for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
  summerStarts[year - FIRST_YEAR] = lastSundayOf(year, 3) * 1440 + 60;
  summerEnds[year - FIRST_YEAR] = lastSundayOf(year, 10) * 1440 + 60;
}

const yearOfMinutes = (minutes: number): number => yearOfPacked(packedDateOf(Math.floor(minutes / 1440)));

function isSummerTime(utcMinutes: number, year: number): boolean {
  const i = year - FIRST_YEAR;
  return utcMinutes >= summerStarts[i]! && utcMinutes < summerEnds[i]!;
}

function temporalLocal(localMinutes: number): Temporal.PlainDateTime {
  const epochDay = Math.floor(localMinutes / 1440);
  const packed = packedDateOf(epochDay);
  const minute = localMinutes - epochDay * 1440;
  return Temporal.PlainDateTime.from(
    `${String(yearOfPacked(packed)).padStart(4, '0')}-${twoDigits(Math.floor(packed / 100) % 100)}-${twoDigits(packed % 100)}` +
      `T${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}`,
  );
}

/**
 * The instant a London wall-clock time names. A time the clocks skip (spring) moves forward by
 * the gap; a time that happens twice (autumn) is the first of the two — Temporal's "compatible".
 */
export function londonLocalToUtc(localMinutes: number): number {
  const year = yearOfMinutes(localMinutes);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    const zoned = temporalLocal(localMinutes).toZonedDateTime(LONDON, { disambiguation: 'compatible' });
    return Math.floor(zoned.epochMilliseconds / 60000);
  }
  const asSummer = localMinutes - 60;
  if (isSummerTime(asSummer, year)) return asSummer;
  return localMinutes;
}

/** The London wall-clock time of an instant. */
export function utcToLondonLocal(utcMinutes: number): number {
  const year = yearOfMinutes(utcMinutes);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(utcMinutes * 60000).toZonedDateTimeISO(LONDON);
    const wall = zoned.toPlainDateTime();
    return epochDayOf(wall.year, wall.month, wall.day) * 1440 + wall.hour * 60 + wall.minute;
  }
  return isSummerTime(utcMinutes, year) ? utcMinutes + 60 : utcMinutes;
}

/** A London wall-clock time moved by exact elapsed minutes (negative to go back). */
export function addLondonMinutes(localMinutes: number, minutes: number): number {
  return utcToLondonLocal(londonLocalToUtc(localMinutes) + minutes);
}
