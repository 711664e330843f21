import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { deadlineIfSet, dueDateText, planDates, writtenViewsDates } from './meeting-deadlines.js';
import { meetingRules } from './meeting-rules.js';

const calendar = bundledCalendar('england-and-wales');
const monday = Temporal.PlainDate.from('2026-03-02');

describe('dates a plan decision is checked against (DC6: TS5, TS6, TS8)', () => {
  it('after an initial: first core group within 10 working days, review within 3 months', () => {
    const d = planDates('hertfordshire', meetingRules('hertfordshire'), 'initial', monday, calendar);
    expect(d.firstCoreGroup && dueDateText(d.firstCoreGroup)).toBe('2026-03-16');
    expect(dueDateText(d.review)).toBe('2026-06-02');
  });
  it('after a review: no first core group (except nottinghamshire), review within 6 months', () => {
    const d = planDates('hertfordshire', meetingRules('hertfordshire'), 'review', monday, calendar);
    expect(d.firstCoreGroup).toBeNull();
    expect(dueDateText(d.review)).toBe('2026-09-02');
    const notts = planDates('nottinghamshire', meetingRules('nottinghamshire'), 'review', monday, calendar);
    expect(notts.firstCoreGroup).not.toBeNull();
  });
});

describe('follow-up timescales', () => {
  it('TS23 in hertfordshire: views sought within 10 working days, responses within a further 10', () => {
    expect(writtenViewsDates('hertfordshire', monday, calendar)).toEqual({ viewsSoughtBy: '2026-03-16', responsesBy: '2026-03-30' });
  });
  it('TS23 does not apply in pan-dorset', () => {
    expect(writtenViewsDates('pan-dorset', monday, calendar)).toBeNull();
  });
  it('TS21 in pan-dorset: any further conference within 4 weeks; not set elsewhere', () => {
    const d = deadlineIfSet('TS21', 'pan-dorset', monday, calendar);
    expect(d && dueDateText(d)).toBe('2026-03-30');
    expect(deadlineIfSet('TS21', 'hertfordshire', monday, calendar)).toBeNull();
  });
  it('TS10 and TS11 from the conference', () => {
    const at = Temporal.PlainDateTime.from('2026-03-02T11:30');
    expect(dueDateText(deadlineIfSet('TS10', 'hertfordshire', at, calendar)!)).toBe('2026-03-03');
    expect(dueDateText(deadlineIfSet('TS11', 'hertfordshire', at, calendar)!)).toBe('2026-03-16');
    expect(deadlineIfSet('TS10', 'newcastle', at, calendar)?.due).toEqual({ kind: 'dateTime', dateTime: '2026-03-03T11:30', timeZone: 'Europe/London' });
  });
});
