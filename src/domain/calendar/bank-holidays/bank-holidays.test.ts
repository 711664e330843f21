import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DIVISIONS, type Division } from '../division.js';
import { bundledCalendarData } from '../working-calendar.js';

// The bundled lists were transcribed by hand from the GOV.UK document, so here they are checked
// against the statutory pattern, worked out independently, plus the one-off changes that
// royal proclamations made. A slip in either shows up as a difference.

function iso(year: number, month: number, day: number): Temporal.PlainDate {
  return new Temporal.PlainDate(year, month, day);
}

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Temporal.PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): Temporal.PlainDate {
  const first = iso(year, month, 1);
  return first.add({ days: (8 - first.dayOfWeek) % 7 });
}

function lastMonday(year: number, month: number): Temporal.PlainDate {
  const last = iso(year, month, 1).add({ months: 1 }).subtract({ days: 1 });
  return last.subtract({ days: (last.dayOfWeek + 6) % 7 });
}

/**
 * Fixed-date holidays that fall at a weekend move to the next weekday not already a holiday;
 * those already on a weekday keep their day (so Boxing Day on a Monday stays, and Christmas on
 * the Sunday before moves to the Tuesday).
 */
function withSubstitutes(fixed: Temporal.PlainDate[]): { dates: string[]; moved: string[] } {
  const taken = new Set(fixed.filter((d) => d.dayOfWeek <= 5).map(String));
  const moved: string[] = [];
  for (const date of fixed.filter((d) => d.dayOfWeek > 5)) {
    let day = date;
    while (day.dayOfWeek > 5 || taken.has(day.toString())) day = day.add({ days: 1 });
    taken.add(day.toString());
    moved.push(day.toString());
  }
  return { dates: [...taken], moved };
}

function fixedHolidays(division: Division, year: number): Temporal.PlainDate[] {
  const fixed = [iso(year, 1, 1), iso(year, 12, 25), iso(year, 12, 26)];
  if (division === 'scotland') fixed.push(iso(year, 1, 2), iso(year, 11, 30));
  if (division === 'northern-ireland') fixed.push(iso(year, 3, 17), iso(year, 7, 12));
  // January's substitutes must be settled before December's, hence date order.
  return fixed.sort(Temporal.PlainDate.compare);
}

function statutoryPattern(division: Division, year: number): Set<string> {
  const easter = easterSunday(year);
  const moveable = [easter.subtract({ days: 2 }), firstMonday(year, 5), lastMonday(year, 5)];
  if (division === 'scotland') moveable.push(firstMonday(year, 8));
  else moveable.push(easter.add({ days: 1 }), lastMonday(year, 8));
  return new Set([...withSubstitutes(fixedHolidays(division, year)).dates, ...moveable.map(String)]);
}

/** Changes made by proclamation, the same in all three divisions. */
const ONE_OFFS: Record<number, { moved: string[]; added: string[] }> = {
  2020: { moved: ['2020-05-04'], added: ['2020-05-08'] }, // early May holiday moved to VE day
  2022: { moved: ['2022-05-30'], added: ['2022-06-02', '2022-06-03', '2022-09-19'] }, // jubilee, state funeral
  2023: { moved: [], added: ['2023-05-08'] }, // coronation
};

const YEARS = Array.from({ length: 11 }, (_, i) => 2018 + i);

describe('bundled bank-holiday data', () => {
  it('the statutory pattern generator knows Easter', () => {
    expect(easterSunday(2025).toString()).toBe('2025-04-20');
    expect(easterSunday(2028).toString()).toBe('2028-04-16');
    expect(lastMonday(2028, 5).toString()).toBe('2028-05-29');
    expect(firstMonday(2028, 8).toString()).toBe('2028-08-07');
  });

  for (const division of DIVISIONS) {
    it(`${division} covers 2018-01-01 to 2028-12-31 and says 2028 is projected`, () => {
      const data = bundledCalendarData(division);
      expect(data.division).toBe(division);
      expect(data.coversFrom).toBe('2018-01-01');
      expect(data.coversTo).toBe('2028-12-31');
      expect(data.source).toContain('gov.uk/bank-holidays.json');
      expect(data.source).toMatch(/2028 is PROJECTED/);
    });

    it.each(YEARS)(`${division} %i matches the statutory pattern and proclamations`, (year) => {
      const expected = statutoryPattern(division, year);
      const oneOff = ONE_OFFS[year];
      for (const date of oneOff?.moved ?? []) expected.delete(date);
      for (const date of oneOff?.added ?? []) expected.add(date);
      const actual = bundledCalendarData(division)
        .days.filter((day) => day.date.startsWith(`${year}-`))
        .map((day) => day.date);
      expect([...actual].sort()).toEqual([...expected].sort());
      expect(new Set(actual).size).toBe(actual.length);
    });

    it(`${division} lists days in date order, none at a weekend`, () => {
      const dates = bundledCalendarData(division).days.map((day) => day.date);
      expect(dates).toEqual([...dates].sort());
      for (const date of dates) expect(Temporal.PlainDate.from(date).dayOfWeek).toBeLessThan(6);
    });

    it(`${division} titles every day moved off a weekend as a substitute day`, () => {
      const days = bundledCalendarData(division).days;
      const substitutes = days.filter((day) => day.title.endsWith(' (substitute day)'));
      const moved = YEARS.flatMap((year) => withSubstitutes(fixedHolidays(division, year)).moved);
      expect(moved.length).toBeGreaterThan(5);
      for (const date of moved) expect(substitutes.map((day) => day.date)).toContain(date);
      // A substitute is the Monday or Tuesday after the weekend it replaces.
      for (const day of substitutes) {
        expect([1, 2]).toContain(Temporal.PlainDate.from(day.date).dayOfWeek);
      }
    });
  }
});
