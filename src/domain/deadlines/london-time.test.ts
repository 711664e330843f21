import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { epochDayOf, isoDateTimeOf } from '../calendar/epoch-day.js';
import { addLondonMinutes, londonLocalToUtc, utcToLondonLocal } from './london-time.js';

const local = (text: string): number =>
  epochDayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))) * 1440 +
  Number(text.slice(11, 13)) * 60 +
  Number(text.slice(14, 16));

function temporalAdd(text: string, minutes: number): string {
  const zoned = Temporal.PlainDateTime.from(text).toZonedDateTime('Europe/London', { disambiguation: 'compatible' });
  return zoned.add({ minutes }).toPlainDateTime().toString().slice(0, 16);
}

describe('Europe/London wall-clock arithmetic', () => {
  it.each([
    ['2026-03-30T10:00', -24 * 60, '2026-03-29T10:00'],
    ['2026-03-29T12:00', -24 * 60, '2026-03-28T11:00'],
    ['2026-03-28T11:00', 24 * 60, '2026-03-29T12:00'],
    ['2026-10-25T12:00', -48 * 60, '2026-10-23T13:00'],
    ['2026-10-24T12:00', 24 * 60, '2026-10-25T11:00'],
    ['2026-07-01T09:30', -30, '2026-07-01T09:00'],
  ])('%s moved by %i minutes is %s', (from, minutes, expected) => {
    expect(isoDateTimeOf(addLondonMinutes(local(from), minutes))).toBe(expected);
  });

  it('moves a time the clocks skip forward, and takes the first of a repeated hour', () => {
    expect(isoDateTimeOf(utcToLondonLocal(londonLocalToUtc(local('2026-03-29T01:30'))))).toBe('2026-03-29T02:30');
    expect(londonLocalToUtc(local('2026-10-25T01:30'))).toBe(local('2026-10-25T00:30'));
  });

  it('agrees with Temporal time-zone arithmetic, including the years it falls back to Temporal for', () => {
    const minuteOf = fc.integer({ min: local('1990-01-01T00:00'), max: local('2110-12-31T23:59') });
    fc.assert(
      fc.property(minuteOf, fc.integer({ min: -72 * 60, max: 72 * 60 }), (start, minutes) => {
        const text = isoDateTimeOf(start);
        expect(isoDateTimeOf(addLondonMinutes(start, minutes))).toBe(temporalAdd(text, minutes));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with Temporal around every clock change from 1996 to 2040', () => {
    for (let year = 1996; year <= 2040; year += 1) {
      for (const month of ['03', '10']) {
        for (let day = 24; day <= 31; day += 1) {
          for (const time of ['00:30', '01:30', '02:30']) {
            const text = `${year}-${month}-${day}T${time}`;
            expect(isoDateTimeOf(addLondonMinutes(local(text), -24 * 60)), text).toBe(temporalAdd(text, -24 * 60));
          }
        }
      }
    }
  });
});
