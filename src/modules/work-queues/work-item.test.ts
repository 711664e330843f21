import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import { datedItem, type QueueContext } from './work-item.js';

const ctx = (now: string): QueueContext => ({ calendar: bundledCalendar('england-and-wales'), now: Temporal.PlainDateTime.from(now), pack: 'national' });
const item = { title: 'Core assessment: Alpha Testington', href: '/cases/x' };

describe('a front-door date in a queue', () => {
  it('is due later, due today, or overdue by the working days since, skipping the bank holiday', () => {
    const due = Temporal.PlainDate.from('2026-12-24');
    expect(datedItem(ctx('2026-12-23T09:00'), due, 'why', item).state).toBe('due later');
    expect(datedItem(ctx('2026-12-24T09:00'), due, 'why', item).state).toBe('due today');
    // 25 and 26 December are bank holidays (26th a Saturday, substitute Monday 28th): the 29th is 1 working day late.
    expect(datedItem(ctx('2026-12-29T09:00'), due, 'why', item)).toMatchObject({ state: 'overdue by 1 working day', dueDate: '2026-12-24', sortKey: '2026-12-24', explanation: 'why' });
  });
});
