import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addMonthsToEpochDay,
  daysInMonth,
  epochDayOf,
  isoDateOf,
  isoDateTimeOf,
  isoWeekdayOf,
  packedDateOf,
} from './epoch-day.js';

const EPOCH = Temporal.PlainDate.from('1970-01-01');
const dayNumber = fc.integer({ min: epochDayOf(1800, 1, 1), max: epochDayOf(2300, 12, 31) });
const temporalOf = (epochDay: number): Temporal.PlainDate => EPOCH.add({ days: epochDay });

describe('day numbers', () => {
  it('agree with Temporal on the date, its ISO text and its weekday', () => {
    fc.assert(
      fc.property(dayNumber, (epochDay) => {
        const date = temporalOf(epochDay);
        expect(packedDateOf(epochDay)).toBe(date.year * 10000 + date.month * 100 + date.day);
        expect(epochDayOf(date.year, date.month, date.day)).toBe(epochDay);
        expect(isoDateOf(epochDay)).toBe(date.toString());
        expect(isoWeekdayOf(epochDay)).toBe(date.dayOfWeek);
      }),
    );
  });

  it('give the same text from the cache as when first built', () => {
    const day = epochDayOf(2026, 1, 14);
    expect(isoDateOf(day)).toBe('2026-01-14');
    expect(isoDateOf(day)).toBe('2026-01-14');
    expect(isoDateOf(epochDayOf(2400, 2, 29))).toBe('2400-02-29');
  });

  it('write a local time as YYYY-MM-DDTHH:MM', () => {
    expect(isoDateTimeOf(epochDayOf(2026, 3, 15) * 1440 + 9 * 60 + 5)).toBe('2026-03-15T09:05');
  });
});

describe('adding months (RULES.md § 0)', () => {
  it('clamps to the end of a shorter month: 2025-11-30 + 3 months = 2026-02-28', () => {
    expect(isoDateOf(addMonthsToEpochDay(epochDayOf(2025, 11, 30), 3))).toBe('2026-02-28');
    expect(isoDateOf(addMonthsToEpochDay(epochDayOf(2023, 11, 30), 3))).toBe('2024-02-29');
    expect(isoDateOf(addMonthsToEpochDay(epochDayOf(2026, 3, 31), -1))).toBe('2026-02-28');
  });

  it('keeps the day of the month where it exists and never runs into the next month', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: -240, max: 240 }), (epochDay, n) => {
        const from = packedDateOf(epochDay);
        const to = packedDateOf(addMonthsToEpochDay(epochDay, n));
        const fromMonths = Math.floor(from / 10000) * 12 + (Math.floor(from / 100) % 100) - 1;
        const toMonths = Math.floor(to / 10000) * 12 + (Math.floor(to / 100) % 100) - 1;
        expect(toMonths - fromMonths).toBe(n);
        const lastDay = daysInMonth(Math.floor(to / 10000), Math.floor(to / 100) % 100);
        expect(to % 100).toBe(Math.min(from % 100, lastDay));
      }),
    );
  });

  it('agrees with Temporal adding months with overflow constrained', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: -240, max: 240 }), (epochDay, n) => {
        const expected = temporalOf(epochDay).add({ months: n }, { overflow: 'constrain' });
        expect(isoDateOf(addMonthsToEpochDay(epochDay, n))).toBe(expected.toString());
      }),
    );
  });
});
