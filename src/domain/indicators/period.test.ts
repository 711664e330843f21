import { describe, expect, it } from 'vitest';
import { censusYearPeriod, customPeriod, monthPeriod, monthsOf, PeriodError, periodOf, quarterPeriod } from './period.js';

describe('indicator periods', () => {
  it.each([
    ['month', () => monthPeriod('2026-02-10'), '2026-02-01', '2026-02-28', 'February 2026'],
    ['leap February', () => monthPeriod('2028-02-29'), '2028-02-01', '2028-02-29', 'February 2028'],
    ['quarter', () => quarterPeriod('2026-05-17'), '2026-04-01', '2026-06-30', 'April to June 2026'],
    ['census year from January', () => censusYearPeriod('2027-01-15'), '2026-04-01', '2027-03-31', 'Census year 2026 to 2027'],
    ['census year from its first day', () => censusYearPeriod('2026-04-01'), '2026-04-01', '2027-03-31', 'Census year 2026 to 2027'],
    ['census year ending on its reference date', () => periodOf('census-year', '2027-03-31'), '2026-04-01', '2027-03-31', 'Census year 2026 to 2027'],
    ['custom', () => customPeriod('2026-03-05', '2026-03-05'), '2026-03-05', '2026-03-05', '2026-03-05 to 2026-03-05'],
  ])('%s', (_name, make, from, to, label) => {
    expect(make()).toMatchObject({ from, to, label });
  });

  it.each([
    ['2026-03-31', '2026-03-01', 'ends (2026-03-01) before it starts (2026-03-31)'],
    ['2026-02-30', '2026-03-01', 'is not a real date'],
    ['31/03/2026', '2026-04-01', 'must be a date as YYYY-MM-DD'],
  ])('refuses %s to %s', (from, to, message) => {
    expect(() => customPeriod(from, to)).toThrow(PeriodError);
    expect(() => customPeriod(from, to)).toThrow(message);
  });

  it('splits a period into its months, clipped at both ends', () => {
    expect(monthsOf({ from: '2026-01-15', to: '2026-03-10' }).map((m) => [m.from, m.to])).toEqual([
      ['2026-01-15', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2026-03-01', '2026-03-10'],
    ]);
  });
});
