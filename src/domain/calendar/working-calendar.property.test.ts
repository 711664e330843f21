import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DIVISIONS, type Division } from './division.js';
import {
  bundledCalendar,
  bundledCalendarData,
  CalendarRangeError,
  type WorkingCalendar,
} from './working-calendar.js';

// A deliberately plain reference: walk one day at a time, asking only "weekday and not listed?".
// It shares nothing with the prefix-count implementation except the bundled data.

class OutOfRange extends Error {}

/** What either implementation returns instead of a date when the count leaves the calendar. */
const OUTSIDE: unique symbol = Symbol('outside the calendar');

function reference(division: Division) {
  const data = bundledCalendarData(division);
  const holidays = new Set(data.days.map((day) => day.date));
  const first = Temporal.PlainDate.from(data.coversFrom);
  const last = Temporal.PlainDate.from(data.coversTo);
  const inRange = (d: Temporal.PlainDate) =>
    Temporal.PlainDate.compare(d, first) >= 0 && Temporal.PlainDate.compare(d, last) <= 0;
  const isWorking = (d: Temporal.PlainDate) => {
    if (!inRange(d)) throw new OutOfRange();
    return d.dayOfWeek <= 5 && !holidays.has(d.toString());
  };
  const step = (d: Temporal.PlainDate, by: number) => {
    const next = d.add({ days: by });
    if (!inRange(next)) throw new OutOfRange();
    return next;
  };
  const add = (from: Temporal.PlainDate, n: number, dayOne: boolean) => {
    if (!inRange(from)) throw new OutOfRange();
    let day = from;
    if (dayOne || n === 0) {
      while (!isWorking(day)) day = step(day, 1);
      for (let counted = dayOne ? 1 : 0; counted < n; ) {
        day = step(day, 1);
        if (isWorking(day)) counted += 1;
      }
      return day;
    }
    const direction = n > 0 ? 1 : -1;
    for (let counted = 0; counted < Math.abs(n); ) {
      day = step(day, direction);
      if (isWorking(day)) counted += 1;
    }
    return day;
  };
  return { first, last, isWorking, add };
}

const references = Object.fromEntries(DIVISIONS.map((d) => [d, reference(d)])) as Record<
  Division,
  ReturnType<typeof reference>
>;

const SPAN_DAYS = 4018; // 2018-01-01 to 2028-12-31 inclusive

const divisionArb = fc.constantFrom(...DIVISIONS);
const offsetArb = fc.integer({ min: -3, max: SPAN_DAYS + 2 }); // a few days either side of the span
const dayInSpanArb = fc.integer({ min: 0, max: SPAN_DAYS - 1 });
const startOf = (division: Division, offset: number) =>
  references[division].first.add({ days: offset });

/** The day `answer` gives, or OUTSIDE where it throws `rangeError` (the date is past the data). */
function orOutside(rangeError: abstract new (...args: never[]) => Error, answer: () => Temporal.PlainDate): Temporal.PlainDate | typeof OUTSIDE {
  try {
    return answer();
  } catch (error) {
    if (error instanceof rangeError) return OUTSIDE;
    throw error;
  }
}

/** The calendar's answer, or OUTSIDE when it throws CalendarRangeError. */
function fast(calendar: WorkingCalendar, from: Temporal.PlainDate, n: number, dayOne = false): Temporal.PlainDate | typeof OUTSIDE {
  return orOutside(CalendarRangeError, () => calendar.addWorkingDays(from, n, { dayOne }));
}

function naive(division: Division, from: Temporal.PlainDate, n: number, dayOne = false): Temporal.PlainDate | typeof OUTSIDE {
  return orOutside(OutOfRange, () => references[division].add(from, n, dayOne));
}

/**
 * A property over any division, a start `offsets` days into its span, a count n of at most `most`
 * either way, and one more value drawn from `also`: `check` gets them in that order.
 */
function assertForCounts<Also>(offsets: fc.Arbitrary<number>, most: number, also: fc.Arbitrary<Also>, numRuns: number, check: (division: Division, offset: number, n: number, also: Also) => void): void {
  fc.assert(fc.property(divisionArb, offsets, fc.integer({ min: -most, max: most }), also, check), { numRuns });
}

/**
 * A property over any division, a working-day start in the span and a count n (±2500) that stays in
 * the calendar: `check` gets the calendar, the start, n and the day n working days from the start.
 */
function assertFromWorkingDays(check: (calendar: WorkingCalendar, start: Temporal.PlainDate, n: number, there: Temporal.PlainDate) => void): void {
  fc.assert(
    fc.property(divisionArb, dayInSpanArb, fc.integer({ min: -2500, max: 2500 }), (division, offset, n) => {
      const calendar = bundledCalendar(division);
      const start = startOf(division, offset);
      fc.pre(calendar.isWorkingDay(start));
      const there = fast(calendar, start, n);
      fc.pre(there !== OUTSIDE);
      check(calendar, start, n, there);
    }),
    { numRuns: 500 },
  );
}

describe('WorkingCalendar properties, all divisions, 2018 to 2028', () => {
  it('the span constant matches the bundled data', () => {
    for (const division of DIVISIONS) {
      const { first, last } = references[division];
      expect(first.until(last).days + 1).toBe(SPAN_DAYS);
    }
  });

  it('isWorkingDay agrees with the reference on every covered day', () => {
    for (const division of DIVISIONS) {
      const calendar = bundledCalendar(division);
      const ref = references[division];
      for (let day = ref.first; Temporal.PlainDate.compare(day, ref.last) <= 0; ) {
        expect(calendar.isWorkingDay(day), `${division} ${day.toString()}`).toBe(
          ref.isWorking(day),
        );
        day = day.add({ days: 1 });
      }
    }
  });

  it('addWorkingDays equals the day-by-day reference, range errors included', () => {
    assertForCounts(offsetArb, 400, fc.boolean(), 1000, (division, offset, n, dayOne) => {
      const from = startOf(division, offset);
      const usable = dayOne ? Math.max(1, n) : n;
      const expected = naive(division, from, usable, dayOne);
      const actual = fast(bundledCalendar(division), from, usable, dayOne);
      expect(String(actual)).toBe(String(expected));
    });
  });

  it('results are always working days', () => {
    assertForCounts(dayInSpanArb, 2500, fc.boolean(), 500, (division, offset, n, dayOne) => {
      const calendar = bundledCalendar(division);
      const result = fast(calendar, startOf(division, offset), dayOne ? Math.max(1, n) : n, dayOne);
      if (result !== OUTSIDE) expect(calendar.isWorkingDay(result)).toBe(true);
    });
  });

  it('adding n then -n returns to a working-day start', () => {
    assertFromWorkingDays((calendar, start, n, there) => {
      expect(calendar.addWorkingDays(there, -n).toString()).toBe(start.toString());
    });
  });

  it('is monotonic in n', () => {
    assertForCounts(dayInSpanArb, 2500, fc.integer({ min: 0, max: 300 }), 500, (division, offset, n, gap) => {
      const calendar = bundledCalendar(division);
      const start = startOf(division, offset);
      const lower = fast(calendar, start, n);
      const upper = fast(calendar, start, n + gap);
      fc.pre(lower !== OUTSIDE && upper !== OUTSIDE);
      const order = Temporal.PlainDate.compare(lower, upper);
      expect(order).toBeLessThanOrEqual(0);
      // Two different positive counts can never land on the same day.
      if (gap > 0 && n > 0) expect(order).toBe(-1);
    });
  });

  it('workingDaysBetween(a, addWorkingDays(a, n)) === n for a working-day a', () => {
    assertFromWorkingDays((calendar, start, n, end) => {
      expect(calendar.workingDaysBetween(start, end)).toBe(n);
    });
  });

  it('holidaysBetween lists exactly the weekday holidays the reference sees', () => {
    fc.assert(
      fc.property(divisionArb, dayInSpanArb, fc.integer({ min: -120, max: 120 }), (division, offset, span) => {
        const calendar = bundledCalendar(division);
        const ref = references[division];
        const a = startOf(division, offset);
        const b = a.add({ days: span });
        fc.pre(
          Temporal.PlainDate.compare(b, ref.first) >= 0 &&
            Temporal.PlainDate.compare(b, ref.last) <= 0,
        );
        const expected: string[] = [];
        const [lo, hi] = span >= 0 ? [a, b] : [b, a];
        for (let day = lo.add({ days: 1 }); Temporal.PlainDate.compare(day, hi) <= 0; ) {
          if (day.dayOfWeek <= 5 && !ref.isWorking(day)) expected.push(day.toString());
          day = day.add({ days: 1 });
        }
        expect(calendar.holidaysBetween(a, b).map((d) => d.date)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
