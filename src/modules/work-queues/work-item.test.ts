import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import { datedItem, deadlineItem, mostUrgentFirst, sectionsMostUrgentFirst, undatedItem, type QueueContext } from './work-item.js';

const ctx = (now: string): QueueContext => ({ calendar: bundledCalendar('england-and-wales'), now: Temporal.PlainDateTime.from(now), pack: 'national' });
const item = { title: 'Core assessment: Alpha Testington', href: '/cases/x', childIds: [] };

describe('a front-door date in a queue', () => {
  it('is due later, due today, or overdue by the working days since, skipping the bank holiday', () => {
    const due = Temporal.PlainDate.from('2026-12-24');
    expect(datedItem(ctx('2026-12-23T09:00'), due, 'why', item).state).toBe('due later');
    expect(datedItem(ctx('2026-12-24T09:00'), due, 'why', item).state).toBe('due today');
    // 25 and 26 December are bank holidays (26th a Saturday, substitute Monday 28th): the 29th is 1 working day late.
    expect(datedItem(ctx('2026-12-29T09:00'), due, 'why', item)).toMatchObject({ state: 'overdue by 1 working day', dueDate: '2026-12-24', sortKey: '2026-12-24', explanation: 'why' });
  });
});

describe('one ordering for every queue: overdue first, most overdue at the top, then due soonest', () => {
  const now = ctx('2026-03-02T10:00');
  // 28 working days before Monday 2 March 2026 (no bank holidays between) is Wednesday 21 January.
  const visit = datedItem(now, Temporal.PlainDate.from('2026-01-21'), 'TS24', { title: 'Visit: Alpha Testington', href: '/plans/a', childIds: [] });
  const review = deadlineItem(now, { ruleId: 'TS5', pack: 'national', from: '2026-01-05' }, { title: 'Review conference: Beta Testington', href: '/plans/b', childIds: [] });
  const lessOverdue = datedItem(now, Temporal.PlainDate.from('2026-02-26'), 'FD4', { title: 'Core assessment: Gamma Testington', href: '/cases/c', childIds: [] });
  const undated = undatedItem({ title: 'Visit frequency: Delta Testington', href: '/plans/d', childIds: [] }, '2026-01-01T09:00:00.000Z');

  it('puts the visit 28 working days overdue above the review due later and a less overdue item', () => {
    expect(visit.state).toBe('overdue by 28 working days');
    expect(review.state).not.toMatch(/^overdue/);
    expect(mostUrgentFirst([review, undated, lessOverdue, visit]).map((i) => i.title)).toEqual([
      'Visit: Alpha Testington', 'Core assessment: Gamma Testington', 'Review conference: Beta Testington', 'Visit frequency: Delta Testington',
    ]);
  });
  it('orders a person’s sections the same way, so the overdue visits are not below reviews due later', () => {
    const sections = sectionsMostUrgentFirst([
      { id: 'reports-due', items: [] },
      { id: 'core-groups', items: [review] },
      { id: 'visits-due', items: [visit] },
      { id: 'other', items: [undated] },
    ]);
    expect(sections.map((s) => s.id)).toEqual(['visits-due', 'core-groups', 'reports-due', 'other']);
  });
});
