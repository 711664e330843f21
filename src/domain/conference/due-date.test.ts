import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { conferenceDueDate, dueDateOf } from './due-date.js';

const calendar = bundledCalendar('england-and-wales');
const d = (s: string) => Temporal.PlainDate.from(s);

describe('conference due date', () => {
  it('initial: 15 working days after the strategy discussion (TS1)', () => {
    const due = conferenceDueDate({ kind: 'initial', pack: 'hertfordshire', strategyDiscussionOn: d('2025-12-19') }, calendar);
    expect(due?.ruleId).toBe('TS1');
    expect(dueDateOf(due!)).toBe('2026-01-14');
  });
  it('initial without a strategy discussion has no due date yet', () => {
    expect(conferenceDueDate({ kind: 'initial', pack: 'national' }, calendar)).toBeNull();
  });
  it('transfer-in: 15 working days after notice (TS2)', () => {
    const due = conferenceDueDate({ kind: 'transfer-in', pack: 'national', transferNoticeReceivedOn: d('2026-03-02') }, calendar);
    expect(due?.ruleId).toBe('TS2');
    expect(dueDateOf(due!)).toBe('2026-03-23');
  });
  it('pre-birth in hertfordshire: the earlier of 24 weeks of pregnancy and TS1', () => {
    // EDD 2026-09-01 → 24 weeks = EDD − 16 weeks = 2026-05-12; TS1 from 2026-05-01 = 2026-05-22.
    const due = conferenceDueDate(
      { kind: 'pre-birth', pack: 'hertfordshire', expectedDeliveryDate: d('2026-09-01'), strategyDiscussionOn: d('2026-05-01') },
      calendar,
    );
    expect(due?.ruleId).toBe('TS3');
    expect(dueDateOf(due!)).toBe('2026-05-12');
  });
  it('pre-birth where the 24-week point is later: 15 working days from the decision to convene decide, not from the strategy discussion (000 § 1)', () => {
    const due = conferenceDueDate(
      { kind: 'pre-birth', pack: 'hertfordshire', expectedDeliveryDate: d('2026-12-01'), strategyDiscussionOn: d('2026-05-01'), decisionToConveneOn: d('2026-05-11') },
      calendar,
    );
    // 15 working days after Monday 11 May 2026, passing the late May bank holiday (25 May): 2 June.
    expect(due?.ruleId).toBe('TS1');
    expect(dueDateOf(due!)).toBe('2026-06-02');
    expect(due?.from).toEqual({ fact: 'decision to convene', value: '2026-05-11' });
    expect(due?.explanation).toContain('after the decision to convene on 11 May 2026');
  });

  it.each([
    { name: 'hertfordshire counts from the decision', pack: 'hertfordshire', decision: '2026-05-11', due: '2026-06-02', rule: 'TS1' },
    { name: 'hertfordshire without a decision date has only the 24-week point', pack: 'hertfordshire', decision: undefined, due: '2026-08-18', rule: 'TS3' },
    { name: 'pan-dorset: an initial conference like any other, from the strategy discussion', pack: 'pan-dorset', decision: '2026-05-11', due: '2026-05-26', rule: 'TS1' },
    { name: 'national: from the strategy discussion', pack: 'national', decision: '2026-05-11', due: '2026-05-26', rule: 'TS1' },
  ] as const)('pre-birth clock: $name', ({ pack, decision, due, rule }) => {
    const got = conferenceDueDate(
      { kind: 'pre-birth', pack, expectedDeliveryDate: d('2026-12-08'), strategyDiscussionOn: d('2026-05-01'), decisionToConveneOn: decision ? d(decision) : undefined },
      calendar,
    );
    expect([got?.ruleId, got ? dueDateOf(got) : null]).toEqual([rule, due]);
  });
  it('first review within 3 months of the initial (TS5), later reviews within 6 (TS6)', () => {
    const first = conferenceDueDate({ kind: 'review', pack: 'national', initialConferenceOn: d('2025-11-30') }, calendar);
    expect(first?.ruleId).toBe('TS5');
    expect(dueDateOf(first!)).toBe('2026-02-28');
    const later = conferenceDueDate({ kind: 'review', pack: 'national', initialConferenceOn: d('2025-11-30'), previousReviewOn: d('2026-02-20') }, calendar);
    expect(later?.ruleId).toBe('TS6');
    expect(dueDateOf(later!)).toBe('2026-08-20');
  });
  it('reconvened after adjournment: 15 working days in pan-dorset (TS20), none where the pack is silent', () => {
    const pd = conferenceDueDate({ kind: 'reconvened', pack: 'pan-dorset', adjournedOn: d('2026-03-02') }, calendar);
    expect(pd?.ruleId).toBe('TS20');
    expect(conferenceDueDate({ kind: 'reconvened', pack: 'hertfordshire', adjournedOn: d('2026-03-02') }, calendar)).toBeNull();
  });
});
