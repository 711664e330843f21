import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import type { Deadline } from '../deadlines/index.js';
import { reportDeadlines, reportState } from './report-deadlines.js';

const calendar = bundledCalendar('england-and-wales');
const thursday = Temporal.PlainDateTime.from('2026-03-12T10:00');
const at = (s: string) => Temporal.PlainDateTime.from(s);
const due = (d: Deadline | null) => (d === null ? null : d.due.kind === 'date' ? d.due.date : d.due.dateTime.slice(0, 16));

describe('report deadlines per pack (TS12–TS16)', () => {
  const base = { pack: 'hertfordshire' as const, conferenceStart: thursday, calendar, familyNeedsTime: false };
  it('TS12 and TS13: hertfordshire social work report, initial: chair 1 working day, family 2 days before', () => {
    const d = reportDeadlines({ ...base, kind: 'social-work', conferenceType: 'initial' });
    expect(due(d.toChair)).toBe('2026-03-11');
    expect(d.toChair?.ruleId).toBe('TS12');
    expect(due(d.toFamily)).toBe('2026-03-10');
    expect(d.toFamily?.ruleId).toBe('TS13');
  });
  it('TS12 and TS13 at a review: 3 working days and 5 days', () => {
    const d = reportDeadlines({ ...base, kind: 'social-work', conferenceType: 'review' });
    expect(due(d.toChair)).toBe('2026-03-09');
    expect(due(d.toFamily)).toBe('2026-03-07');
  });
  it('TS12 at a review skips the Easter bank holidays', () => {
    const d = reportDeadlines({ ...base, conferenceStart: at('2026-04-07T10:00'), kind: 'social-work', conferenceType: 'review' });
    expect(due(d.toChair)).toBe('2026-03-31');
  });
  it('TS14 and TS15: agency report, initial: chair 1 working day, family 48 hours before the start', () => {
    const d = reportDeadlines({ ...base, kind: 'agency', conferenceType: 'initial' });
    expect(d.toChair?.ruleId).toBe('TS14');
    expect(due(d.toChair)).toBe('2026-03-11');
    expect(d.toFamily?.ruleId).toBe('TS15');
    expect(due(d.toFamily)).toBe('2026-03-10T10:00');
  });
  it('TS15 at a review: 5 working days', () => {
    expect(due(reportDeadlines({ ...base, kind: 'agency', conferenceType: 'review' }).toFamily)).toBe('2026-03-05');
  });
  it('TS14 in staffordshire: 2 working days for initial and review alike', () => {
    for (const conferenceType of ['initial', 'review'] as const) {
      expect(due(reportDeadlines({ ...base, pack: 'staffordshire', kind: 'agency', conferenceType }).toChair)).toBe('2026-03-10');
    }
  });
  it('TS16 in newcastle: a parent needing translation gets reports 7 days before, earlier than TS13', () => {
    const usual = reportDeadlines({ ...base, pack: 'newcastle', kind: 'social-work', conferenceType: 'initial' });
    expect(due(usual.toFamily)).toBe('2026-03-10T10:00');
    expect(usual.ts16).toBe('not-needed');
    const needs = reportDeadlines({ ...base, pack: 'newcastle', kind: 'social-work', conferenceType: 'initial', familyNeedsTime: true });
    expect(needs.toFamily?.ruleId).toBe('TS16');
    expect(due(needs.toFamily)).toBe('2026-03-05');
    expect(needs.ts16).toBe('applies');
  });
  it('TS16 does not apply in packs that are silent on it', () => {
    const d = reportDeadlines({ ...base, kind: 'social-work', conferenceType: 'initial', familyNeedsTime: true });
    expect(d.ts16).toBe('not-in-pack');
    expect(d.toFamily?.ruleId).toBe('TS13');
  });
  it("the family's own views have no deadline", () => {
    const d = reportDeadlines({ ...base, kind: 'family-views', conferenceType: 'initial' });
    expect(d.toChair).toBeNull();
    expect(d.toFamily).toBeNull();
  });
});

describe('report states: received, shared, late, missing', () => {
  const d = reportDeadlines({ pack: 'hertfordshire', conferenceStart: thursday, calendar, familyNeedsTime: false, kind: 'social-work', conferenceType: 'initial' });
  const cases: [string, string | null, string | null, string, string][] = [
    ['nothing yet, not due', null, null, '2026-03-05T12:00', 'awaited'],
    ['nothing, and the chair date has passed', null, null, '2026-03-12T09:00', 'missing'],
    ['received in time, sharing not yet due', '2026-03-09T12:00', null, '2026-03-09T13:00', 'received'],
    ['received and shared in time', '2026-03-09T12:00', '2026-03-09T15:00', '2026-03-12T09:00', 'shared'],
    ['received in time, but not shared by the family date', '2026-03-09T12:00', null, '2026-03-11T09:00', 'late'],
    ['shared after the family date', '2026-03-09T12:00', '2026-03-11T09:00', '2026-03-12T09:00', 'late'],
    ['received after the chair date', '2026-03-12T08:00', null, '2026-03-12T09:00', 'late'],
  ];
  it.each(cases)('%s', (_name, submitted, shared, now, expected) => {
    const state = reportState(d, { submittedAt: submitted ? at(submitted) : null, sharedAt: shared ? at(shared) : null }, at(now), calendar);
    expect(state).toBe(expected);
  });
});
