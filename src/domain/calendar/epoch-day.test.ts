import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { daysFromTo, epochDayOfIso, fromEpochDay, isoWeekdayOf, parseIsoDate, toEpochDay } from './epoch-day.js';

const EPOCH = new Temporal.PlainDate(1970, 1, 1);

describe('epoch days', () => {
  it('reads a YYYY-MM-DD as Temporal does, and counts the days between two as Temporal does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 157_000 }), fc.integer({ min: -3000, max: 3000 }), (n, gap) => {
        const a = EPOCH.add({ days: n });
        const b = a.add({ days: gap });
        expect(epochDayOfIso(a.toString())).toBe(n);
        expect(daysFromTo(a.toString(), b.toString())).toBe(a.until(b).days);
      }),
      { numRuns: 2000 },
    );
    expect(() => epochDayOfIso('2026/12/07')).toThrow(RangeError);
  });

  it('matches Temporal for any date from 1600 to 2400, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (n) => {
        const date = EPOCH.add({ days: n });
        expect(toEpochDay(date)).toBe(n);
        expect(fromEpochDay(n).toString()).toBe(date.toString());
        expect(isoWeekdayOf(n)).toBe(date.dayOfWeek);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['1970-01-01', 0],
    ['2000-03-01', 11_017],
    ['2024-02-29', 19_782],
    ['2028-12-31', 21_549],
  ])('%s is day %d', (text, n) => {
    expect(toEpochDay(Temporal.PlainDate.from(text))).toBe(n);
    expect(fromEpochDay(n).toString()).toBe(text);
  });
});

describe('parseIsoDate', () => {
  it.each(['2024-02-29', '2018-01-01', '2028-12-31'])('accepts %s', (text) => {
    expect(parseIsoDate(text)?.toString()).toBe(text);
  });
  it.each(['2025-02-29', '2025-02-30', '2025-13-01', '2025-1-1', '2025-01-01T00:00', '', '25/12/2025', ' 2025-01-01'])(
    'refuses %j',
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    },
  );
});
