import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { checkDiscussionTimes, checkParticipants, circulationDueOn, missingCoreAgencies, urgentTimings } from './strategy-discussion-rules.js';

const calendar = bundledCalendar('england-and-wales');
const dt = (s: string) => Temporal.PlainDateTime.from(s);

describe('FD3 strategy discussion participants', () => {
  const csc = { agency: 'childrens-social-care', name: 'Sam Worker', role: 'Social worker' };
  it('needs children’s social care, which convenes it', () => {
    expect(checkParticipants([])[0]?.field).toBe('participants');
    expect(checkParticipants([{ agency: 'police', name: 'DC Test', role: 'Officer' }])[0]?.message).toMatch(/Children’s social care convenes/);
    expect(checkParticipants([csc])).toEqual([]);
  });
  it('warns when police or health are missing', () => {
    expect(missingCoreAgencies([csc])).toEqual(['police', 'health']);
    expect(missingCoreAgencies([csc, { agency: 'police' }])).toEqual(['health']);
    expect(missingCoreAgencies([csc, { agency: 'police' }, { agency: 'health' }])).toEqual([]);
  });
});

describe('FD3 physical abuse or serious neglect: same working day, child seen within 24 hours', () => {
  it('is due the working day the concern arose, and the child is seen 24 hours after the discussion', () => {
    const t = urgentTimings(dt('2026-03-03T09:15'), dt('2026-03-03T14:00'), calendar);
    expect(t.discussionDueOn.toString()).toBe('2026-03-03');
    expect(t.discussionLate).toBe(false);
    expect(t.childToBeSeenBy.toString()).toBe('2026-03-04T14:00:00');
  });
  it('moves a concern raised on a bank holiday to the next working day, and flags a later discussion as late', () => {
    // Good Friday 2026-04-03 and Easter Monday 2026-04-06 are bank holidays.
    const t = urgentTimings(dt('2026-04-03T20:00'), dt('2026-04-08T10:00'), calendar);
    expect(t.discussionDueOn.toString()).toBe('2026-04-07');
    expect(t.discussionLate).toBe(true);
  });
  it('counts 24 hours as elapsed time across the clock change', () => {
    // Clocks go forward at 01:00 on 2026-03-29: 24 elapsed hours from 10:00 on the 28th is 11:00 on the 29th.
    expect(urgentTimings(dt('2026-03-28T08:00'), dt('2026-03-28T10:00'), calendar).childToBeSeenBy.toString()).toBe('2026-03-29T11:00:00');
  });
  it('needs the time the concern arose, not after the discussion', () => {
    const now = dt('2026-03-10T12:00');
    expect(checkDiscussionTimes({ heldAt: dt('2026-03-03T14:00'), now, physicalAbuseOrSeriousNeglect: true }).map((p) => p.field)).toEqual(['concernDate']);
    expect(checkDiscussionTimes({ heldAt: dt('2026-03-03T14:00'), now, physicalAbuseOrSeriousNeglect: true, concernRaisedAt: dt('2026-03-03T15:00') })[0]?.message).toMatch(/before/);
    expect(checkDiscussionTimes({ heldAt: dt('2026-03-11T14:00'), now, physicalAbuseOrSeriousNeglect: false })[0]?.field).toBe('heldDate');
  });
});

describe('FD3 record circulated within one working day', () => {
  it('is due the next working day, over a weekend', () => {
    expect(circulationDueOn(Temporal.PlainDate.from('2026-03-06'), calendar).toString()).toBe('2026-03-09');
    expect(circulationDueOn(Temporal.PlainDate.from('2026-03-03'), calendar).toString()).toBe('2026-03-04');
  });
});
