import type { Temporal } from 'temporal-polyfill';
import { dayOfPacked, epochDayOf, isoTimeOf, monthOfPacked, packedDateOf, yearOfPacked } from '../calendar/epoch-day.js';

// Dates as GOV.UK style writes them: "14 January 2026", times as "10:00", no leading zero on the day.

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function epochDayOfInput(date: Temporal.PlainDate | Temporal.PlainDateTime | string): number {
  if (typeof date !== 'string') return epochDayOf(date.year, date.month, date.day);
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD form.`);
  return epochDayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "14 January 2026" for a day number. */
export function formatEpochDay(epochDay: number): string {
  const packed = packedDateOf(epochDay);
  return `${dayOfPacked(packed)} ${monthName(monthOfPacked(packed))} ${yearOfPacked(packed)}`;
}

/** "14 January 2026". Accepts a PlainDate, a PlainDateTime (its date) or an ISO string. */
export function formatDate(date: Temporal.PlainDate | Temporal.PlainDateTime | string): string {
  return formatEpochDay(epochDayOfInput(date));
}

/** "10:00 on 15 March 2026" for a wall-clock time counted in minutes since 1970-01-01T00:00. */
export function formatLocalMinutes(localMinutes: number): string {
  const epochDay = Math.floor(localMinutes / 1440);
  return `${isoTimeOf(localMinutes - epochDay * 1440)} on ${formatEpochDay(epochDay)}`;
}

/** "10:00 on 15 March 2026". Accepts a PlainDateTime or "YYYY-MM-DDTHH:MM". */
export function formatDateTime(dateTime: Temporal.PlainDateTime | string): string {
  const epochDay = epochDayOfInput(dateTime);
  const minute =
    typeof dateTime === 'string' ? Number(dateTime.slice(11, 13)) * 60 + Number(dateTime.slice(14, 16)) : dateTime.hour * 60 + dateTime.minute;
  return formatLocalMinutes(epochDay * 1440 + minute);
}

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A short list of dates in order, month named once per run: "25 and 26 December and 1 January".
 * Years are left out: the list sits beside the full dates it falls between.
 */
export function formatDayList(dates: readonly string[]): string {
  const runs: { month: number; days: number[] }[] = [];
  for (const date of dates) {
    const packed = packedDateOf(epochDayOfInput(date));
    const last = runs[runs.length - 1];
    if (last && last.month === monthOfPacked(packed)) last.days.push(dayOfPacked(packed));
    else runs.push({ month: monthOfPacked(packed), days: [dayOfPacked(packed)] });
  }
  const parts = runs.map((run) => `${joinWithAnd(run.days.map(String))} ${monthName(run.month)}`);
  if (parts.length <= 2) return parts.join(' and ');
  return joinWithAnd(parts);
}
