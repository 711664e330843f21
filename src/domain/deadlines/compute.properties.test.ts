import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { PACK_IDS } from '../packs/pack-id.js';
import { computeDeadline } from './compute.js';
import { formatDate } from './format-date.js';
import type { Deadline } from './types.js';

const calendar = bundledCalendar('england-and-wales');
const FIRST = Temporal.PlainDate.from('2018-03-01');
/** Dates with room to count forward and back inside the bundled calendar. */
const dates = fc.integer({ min: 0, max: 365 * 10 }).map((days) => FIRST.add({ days }));
const dateTimes = fc
  .tuple(dates, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([date, hour, minute]) => date.toPlainDateTime({ hour, minute }));
const workingDates = dates.filter((d) => calendar.isWorkingDay(d));
const packs = fc.constantFrom(...PACK_IDS);

const dueDate = (d: Deadline): Temporal.PlainDate =>
  Temporal.PlainDate.from(d.due.kind === 'date' ? d.due.date : d.due.dateTime.slice(0, 10));

describe('laws of the deadline engine', () => {
  it('TS1 is due on a working day, 15 working days on from the strategy discussion', () => {
    fc.assert(
      fc.property(packs, dates, (pack, from) => {
        const d = computeDeadline({ ruleId: 'TS1', pack, from, calendar });
        const due = dueDate(d);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(Temporal.PlainDate.compare(due, from)).toBeGreaterThanOrEqual(0);
        // Day 1 is the decision day in Nottinghamshire, so the count includes the day itself there.
        const counted = pack === 'nottinghamshire' ? calendar.workingDaysBetween(from.subtract({ days: 1 }), due) : calendar.workingDaysBetween(from, due);
        expect(counted).toBe(15);
      }),
    );
  });

  it('a report due N working days before a conference on a working day leaves exactly N working days', () => {
    fc.assert(
      fc.property(packs, workingDates, (pack, conference) => {
        const d = computeDeadline({ ruleId: 'TS12', pack, from: conference.toPlainDateTime({ hour: 10 }), conferenceType: 'review', calendar });
        if (d.parameter.unit !== 'workingDays') return;
        expect(calendar.isWorkingDay(dueDate(d))).toBe(true);
        expect(calendar.workingDaysBetween(dueDate(d), conference)).toBe(d.parameter.n);
      }),
    );
  });

  it('an hour rule is the London wall-clock time exactly N hours before the start, as Temporal counts it', () => {
    fc.assert(
      fc.property(dateTimes, (start) => {
        const d = computeDeadline({ ruleId: 'TS12', pack: 'pan-dorset', from: start, conferenceType: 'initial', calendar });
        if (d.due.kind !== 'dateTime') throw new Error('expected a date-time');
        // Compared as wall-clock text: in the hour the clocks repeat, the text alone cannot say which
        // of the two it means, so the law is stated from the start instant forwards.
        const expected = start.toZonedDateTime('Europe/London').subtract({ hours: 24 }).toPlainDateTime();
        expect(d.due.dateTime).toBe(expected.toString().slice(0, 16));
      }),
    );
  });

  it('a review is due the same day of the month 6 months on, never beyond that month', () => {
    fc.assert(
      fc.property(packs, dates, (pack, from) => {
        const due = dueDate(computeDeadline({ ruleId: 'TS6', pack, from, calendar }));
        expect(due.toString()).toBe(from.add({ months: 6 }, { overflow: 'constrain' }).toString());
        expect(due.day).toBeLessThanOrEqual(from.day);
      }),
    );
  });

  it('skipped days are weekday holidays between the fact and the due date', () => {
    fc.assert(
      fc.property(packs, dates, fc.constantFrom('TS1', 'TS8', 'TS11', 'TS23'), (pack, from, ruleId) => {
        let d: Deadline;
        try {
          d = computeDeadline({ ruleId, pack, from, calendar });
        } catch {
          return;
        }
        for (const day of d.skipped) {
          const date = Temporal.PlainDate.from(day.date);
          expect(date.dayOfWeek).toBeLessThanOrEqual(5);
          expect(calendar.isWorkingDay(date)).toBe(false);
          expect(Temporal.PlainDate.compare(date, from)).toBeGreaterThanOrEqual(0);
          expect(Temporal.PlainDate.compare(date, dueDate(d))).toBeLessThan(0);
        }
      }),
    );
  });

  it('every explanation opens with the due date and closes with the source', () => {
    fc.assert(
      fc.property(packs, dates, fc.constantFrom('TS1', 'TS2', 'TS5', 'TS8', 'TS11', 'TS18', 'TS25'), (pack, from, ruleId) => {
        const d = computeDeadline({ ruleId, pack, from, calendar });
        expect(d.explanation.startsWith(`Due ${formatDate(dueDate(d))}: `)).toBe(true);
        expect(d.explanation.endsWith(`: ${d.source})`)).toBe(true);
      }),
    );
  });
});
