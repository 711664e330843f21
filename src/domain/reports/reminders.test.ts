import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { computeDeadline } from '../deadlines/index.js';
import { reminderDue } from './reminders.js';

const calendar = bundledCalendar('england-and-wales');
// National TS14: the agency report reaches the chair 1 working day before the conference.
const ts14 = computeDeadline({ ruleId: 'TS14', pack: 'national', from: Temporal.PlainDateTime.from('2026-12-30T10:00'), conferenceType: 'initial', calendar });
const on = (d: string) => reminderDue(ts14, Temporal.PlainDate.from(d), calendar);

describe('report reminders', () => {
  it('chases a report from 2 working days before its date to the date, skipping the Christmas bank holidays', () => {
    expect(ts14.due).toEqual({ kind: 'date', date: '2026-12-29' });
    // 2 working days before Tuesday 29 December is Wednesday 23rd: 25 and 28 December are bank holidays.
    expect(on('2026-12-22')).toBe(false);
    expect(on('2026-12-23')).toBe(true);
    expect(on('2026-12-26')).toBe(true);
    expect(on('2026-12-29')).toBe(true);
    expect(on('2026-12-30')).toBe(false);
  });
});
