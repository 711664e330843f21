import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DIVISIONS, type Division } from './division.js';
import { toEpochDay } from './epoch-day.js';
import {
  bundledCalendar,
  bundledCalendarData,
  CalendarRangeError,
  WorkingCalendar,
} from './working-calendar.js';

const date = (text: string) => Temporal.PlainDate.from(text);
const add = (division: Division, from: string, n: number, dayOne = false) =>
  bundledCalendar(division).addWorkingDays(date(from), n, { dayOne }).toString();

type AddCase = [division: Division, from: string, n: number, expected: string, why: string];
type DayOneCase = [from: string, n: number, expected: string, why: string];

describe('WorkingCalendar.addWorkingDays', () => {
  it.each<AddCase>([
    // [division, from, n, expected, why]
    ['england-and-wales', '2025-12-19', 15, '2026-01-14', '25, 26 Dec and 1 Jan skipped'],
    ['england-and-wales', '2025-12-19', 1, '2025-12-22', 'Friday to Monday'],
    ['england-and-wales', '2025-12-24', 1, '2025-12-29', 'over Christmas'],
    ['england-and-wales', '2025-12-25', 1, '2025-12-29', 'day 0 may be a holiday'],
    ['england-and-wales', '2025-12-27', 1, '2025-12-29', 'day 0 may be a Saturday'],
    ['england-and-wales', '2025-12-31', 1, '2026-01-02', '2 January works in England'],
    ['scotland', '2025-12-31', 1, '2026-01-05', '1 and 2 January off in Scotland'],
    ['scotland', '2025-11-28', 1, '2025-12-02', 'St Andrew’s Day substitute, Monday 1 December'],
    ['england-and-wales', '2025-11-28', 1, '2025-12-01', 'no St Andrew’s Day in England'],
    ['scotland', '2026-04-02', 2, '2026-04-07', 'Good Friday off, Easter Monday worked'],
    ['scotland', '2026-04-02', 1, '2026-04-06', 'Easter Monday is a working day in Scotland'],
    ['england-and-wales', '2026-04-02', 1, '2026-04-07', 'Easter Monday off in England'],
    ['northern-ireland', '2026-07-10', 1, '2026-07-14', 'Boyne substitute, Monday 13 July'],
    ['northern-ireland', '2027-07-09', 1, '2027-07-13', '12 July 2027 is a Monday'],
    ['england-and-wales', '2026-07-10', 1, '2026-07-13', 'no Boyne holiday in England'],
    ['northern-ireland', '2026-03-16', 1, '2026-03-18', 'St Patrick’s Day'],
    ['england-and-wales', '2026-12-24', 1, '2026-12-29', 'Boxing Day substitute 28 Dec 2026'],
    ['england-and-wales', '2027-12-24', 1, '2027-12-29', 'both substitutes 27 and 28 Dec 2027'],
    ['england-and-wales', '2026-01-05', -5, '2025-12-24', 'backwards over Christmas'],
    ['england-and-wales', '2026-01-03', -1, '2026-01-02', 'backwards from a Saturday'],
    ['england-and-wales', '2025-12-29', -1, '2025-12-24', 'backwards over the holidays'],
    ['england-and-wales', '2026-01-07', 0, '2026-01-07', 'n = 0 on a working day'],
    ['england-and-wales', '2026-01-03', 0, '2026-01-05', 'n = 0 on a Saturday'],
    ['england-and-wales', '2025-12-25', 0, '2025-12-29', 'n = 0 on Christmas Day'],
    ['england-and-wales', '2018-01-01', 1, '2018-01-02', 'first covered day'],
    ['england-and-wales', '2028-12-29', -1, '2028-12-28', 'last working day covered'],
  ])('%s %s %+d = %s (%s)', (division, from, n, expected) => {
    expect(add(division, from, n)).toBe(expected);
  });

  it.each<DayOneCase>([
    // Nottinghamshire: the first working day on or after the decision is day 1.
    ['2025-12-19', 15, '2026-01-13', 'decision on a working day is day 1'],
    ['2025-12-19', 1, '2025-12-19', 'day 1 is the decision day itself'],
    ['2025-12-20', 1, '2025-12-22', 'decision on a Saturday: Monday is day 1'],
    ['2025-12-25', 1, '2025-12-29', 'decision on Christmas Day: 29 Dec is day 1'],
    ['2025-12-25', 2, '2025-12-30', 'and 30 Dec is day 2'],
  ])('dayOne: %s, day %d = %s (%s)', (from, n, expected) => {
    expect(add('england-and-wales', from, n, true)).toBe(expected);
  });

  it('dayOne counts one day fewer than day-0 counting from a working day', () => {
    expect(add('england-and-wales', '2026-02-02', 15, true)).toBe(
      add('england-and-wales', '2026-02-02', 14),
    );
  });

  it.each([0, -1, -15])('dayOne with n = %d is refused', (n) => {
    expect(() => add('england-and-wales', '2026-02-02', n, true)).toThrow(RangeError);
    expect(() => add('england-and-wales', '2026-02-02', n, true)).toThrow(/day 1/);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('n = %d is refused', (n) => {
    expect(() => add('england-and-wales', '2026-02-02', n)).toThrow(RangeError);
  });

  it.each([
    ['2017-12-31', 1, '2017-12-31'],
    ['2029-01-01', -1, '2029-01-01'],
    ['2028-12-29', 1, 'past the end'],
    ['2028-12-30', 0, 'past the end'],
    ['2018-01-02', -1, 'before the start'],
    ['2018-06-01', -200, 'before the start'],
    ['2028-06-01', 200, 'past the end'],
  ] as const)('from %s, n = %d: CalendarRangeError (%s)', (from, n, mentions) => {
    const attempt = () => add('england-and-wales', from, n);
    expect(attempt).toThrow(CalendarRangeError);
    expect(attempt).toThrow(mentions);
    expect(attempt).toThrow('2018-01-01 to 2028-12-31');
    expect(attempt).toThrow(/import a/);
  });

  it('a date past the end asks for a newer calendar and carries the details', () => {
    try {
      add('scotland', '2029-03-01', 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarRangeError);
      const rangeError = error as CalendarRangeError;
      expect(rangeError.message).toContain('2029-03-01');
      expect(rangeError.message).toContain('Scotland');
      expect(rangeError.message).toContain('import a newer bank-holiday calendar');
      expect(rangeError.date).toBe('2029-03-01');
      expect(rangeError.coversTo).toBe('2028-12-31');
    }
  });

  it('the integer path refuses a fractional day number', () => {
    expect(() => bundledCalendar('scotland').addWorkingDaysEpoch(20_000.5, 1)).toThrow(/whole number/);
  });

  it('the integer path agrees with the date path', () => {
    const calendar = bundledCalendar('northern-ireland');
    const from = date('2026-07-10');
    const epoch = calendar.addWorkingDaysEpoch(toEpochDay(from), 3);
    expect(epoch).toBe(toEpochDay(calendar.addWorkingDays(from, 3)));
    expect(calendar.addWorkingDaysEpoch(toEpochDay(from), 3, true)).toBe(
      toEpochDay(calendar.addWorkingDays(from, 3, { dayOne: true })),
    );
  });
});

describe('WorkingCalendar days', () => {
  const oneOffs = ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'];
  const substitutes = ['2020-12-28', '2021-12-27', '2021-12-28', '2022-12-27', '2026-12-28'];
  const more = ['2027-12-27', '2027-12-28', '2022-01-03', '2023-01-02', '2028-01-03'];

  for (const division of DIVISIONS) {
    it.each([...oneOffs, ...substitutes, ...more])(`${division}: %s is not a working day`, (d) => {
      expect(bundledCalendar(division).isWorkingDay(date(d))).toBe(false);
    });
    it(`${division}: 4 May 2020, whose holiday moved to VE day, is a working day`, () => {
      expect(bundledCalendar(division).isWorkingDay(date('2020-05-04'))).toBe(true);
      expect(bundledCalendar(division).isWorkingDay(date('2022-05-30'))).toBe(true);
    });
  }

  it.each([
    ['scotland', '2026-01-02', false],
    ['england-and-wales', '2026-01-02', true],
    ['scotland', '2024-12-02', false],
    ['scotland', '2025-12-01', false],
    ['england-and-wales', '2025-12-01', true],
    ['scotland', '2026-11-30', false],
    ['scotland', '2026-08-03', false],
    ['scotland', '2026-08-31', true],
    ['england-and-wales', '2026-08-31', false],
    ['northern-ireland', '2026-03-17', false],
    ['northern-ireland', '2024-03-18', false],
    ['northern-ireland', '2025-07-14', false],
    ['northern-ireland', '2027-07-12', false],
    ['northern-ireland', '2026-07-13', false],
    ['england-and-wales', '2026-07-13', true],
    ['england-and-wales', '2026-01-03', false],
    ['england-and-wales', '2026-01-06', true],
  ] as const)('%s: %s working = %s', (division, d, working) => {
    expect(bundledCalendar(division).isWorkingDay(date(d))).toBe(working);
  });

  it('names bank holidays and returns null otherwise', () => {
    const calendar = bundledCalendar('england-and-wales');
    expect(calendar.holidayTitle(date('2025-12-25'))).toBe('Christmas Day');
    expect(calendar.holidayTitle(date('2026-12-28'))).toBe('Boxing Day (substitute day)');
    expect(calendar.holidayTitle(date('2025-12-24'))).toBeNull();
    expect(calendar.holidayTitle(date('2025-12-27'))).toBeNull();
    expect(() => calendar.holidayTitle(date('2030-12-25'))).toThrow(CalendarRangeError);
    expect(() => calendar.isWorkingDay(date('2017-12-29'))).toThrow(CalendarRangeError);
  });

  it('reports its division, source and span', () => {
    const calendar = bundledCalendar('northern-ireland');
    expect(calendar.division).toBe('northern-ireland');
    expect(calendar.source).toContain('northern-ireland');
    expect(calendar.coversFrom.toString()).toBe('2018-01-01');
    expect(calendar.coversTo.toString()).toBe('2028-12-31');
    expect(bundledCalendar('northern-ireland')).toBe(calendar);
  });
});

describe('WorkingCalendar.workingDaysBetween and holidaysBetween', () => {
  const calendar = bundledCalendar('england-and-wales');

  it.each([
    ['2025-12-19', '2026-01-14', 15],
    ['2026-01-14', '2025-12-19', -15],
    ['2026-01-14', '2026-01-14', 0],
    ['2025-12-24', '2025-12-28', 0],
    ['2025-12-24', '2025-12-29', 1],
    ['2025-12-27', '2025-12-29', 1],
  ] as const)('(%s, %s] holds %d working days', (a, b, n) => {
    expect(calendar.workingDaysBetween(date(a), date(b))).toBe(n);
  });

  it('lists the weekday holidays after a and up to b, in either order', () => {
    const expected = [
      { date: '2025-12-25', title: 'Christmas Day' },
      { date: '2025-12-26', title: 'Boxing Day' },
      { date: '2026-01-01', title: 'New Year’s Day' },
    ];
    expect(calendar.holidaysBetween(date('2025-12-19'), date('2026-01-14'))).toEqual(expected);
    expect(calendar.holidaysBetween(date('2026-01-14'), date('2025-12-19'))).toEqual(expected);
    expect(calendar.holidaysBetween(date('2025-12-25'), date('2026-01-01'))).toEqual(
      expected.slice(1),
    );
    expect(calendar.holidaysBetween(date('2026-01-02'), date('2026-03-31'))).toEqual([]);
  });
});

describe('WorkingCalendar.fromData with closures', () => {
  const data = bundledCalendarData('england-and-wales');

  it('treats the authority’s closure days as non-working and names them', () => {
    const calendar = WorkingCalendar.fromData(data, [
      { date: '2025-12-24', title: 'Office closed' },
      { date: '2025-12-25', title: 'Office closed' },
      { date: '2031-01-01', title: 'Beyond the span, ignored' },
    ]);
    expect(calendar.isWorkingDay(date('2025-12-24'))).toBe(false);
    expect(calendar.holidayTitle(date('2025-12-24'))).toBe('Office closed');
    expect(calendar.holidayTitle(date('2025-12-25'))).toBe('Christmas Day');
    expect(calendar.addWorkingDays(date('2025-12-23'), 1).toString()).toBe('2025-12-29');
    expect(calendar.holidaysBetween(date('2025-12-23'), date('2025-12-29')).map((d) => d.date))
      .toEqual(['2025-12-24', '2025-12-25', '2025-12-26']);
    // The bundled calendar is untouched.
    expect(bundledCalendar('england-and-wales').isWorkingDay(date('2025-12-24'))).toBe(true);
  });

  it.each([
    [{ ...data, coversFrom: '2018-02-30' }, /coversFrom/],
    [{ ...data, coversTo: '2017-12-31' }, /ends/],
    [{ ...data, coversTo: '2027-12-31' }, /2028-01-03.*outside/],
    [{ ...data, days: [{ date: '2025-13-01', title: 'Bad' }] }, /2025-13-01/],
  ])('refuses inconsistent data (%#)', (bad, message) => {
    expect(() => WorkingCalendar.fromData(bad)).toThrow(message);
  });

  it('refuses a malformed closure date', () => {
    expect(() => WorkingCalendar.fromData(data, [{ date: '24/12/2025', title: 'x' }])).toThrow(
      /24\/12\/2025/,
    );
  });
});
