import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDayList } from './format-date.js';

describe('formatting dates', () => {
  it('writes a date as "14 January 2026"', () => {
    expect(formatDate('2026-01-14')).toBe('14 January 2026');
    expect(formatDate(Temporal.PlainDate.from('2025-12-01'))).toBe('1 December 2025');
    expect(formatDate(Temporal.PlainDateTime.from('2026-03-15T10:00'))).toBe('15 March 2026');
  });

  it('writes a date-time as "10:00 on 15 March 2026"', () => {
    expect(formatDateTime('2026-03-15T10:00')).toBe('10:00 on 15 March 2026');
    expect(formatDateTime(Temporal.PlainDateTime.from('2026-03-15T09:05'))).toBe('09:05 on 15 March 2026');
  });

  it('refuses text that is not a date', () => {
    expect(() => formatDate('14/01/2026')).toThrow(RangeError);
  });

  it.each([
    [['2025-12-25'], '25 December'],
    [['2025-12-25', '2025-12-26'], '25 and 26 December'],
    [['2025-12-25', '2025-12-26', '2026-01-01'], '25 and 26 December and 1 January'],
    [['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25'], '3 and 6 April and 4 and 25 May'],
    [['2026-04-03', '2026-05-04', '2026-08-31'], '3 April, 4 May and 31 August'],
    [[], ''],
  ])('lists %j as "%s"', (dates, text) => {
    expect(formatDayList(dates)).toBe(text);
  });
});
