import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { computeDeadline } from './compute.js';
import { deadlineState } from './state.js';

const calendar = bundledCalendar('england-and-wales');
// Due Wednesday 14 January 2026 (TS1 from the strategy discussion on 19 December 2025).
const icpc = computeDeadline({ ruleId: 'TS1', pack: 'hertfordshire', from: Temporal.PlainDate.from('2025-12-19'), calendar });
// Due 15 March 2026 at 10:00 (24 hours before a Pan-Dorset initial conference).
const report = computeDeadline({
  ruleId: 'TS12',
  pack: 'pan-dorset',
  from: Temporal.PlainDateTime.from('2026-03-16T10:00'),
  conferenceType: 'initial',
  calendar,
});
// Not before 2 June 2026 (Hertfordshire child in need minimum period).
const allocated = computeDeadline({ ruleId: 'TS26', pack: 'hertfordshire', from: Temporal.PlainDate.from('2026-03-02'), calendar });

const at = (text: string): Temporal.PlainDateTime => Temporal.PlainDateTime.from(text);
const on = (text: string): Temporal.PlainDate => Temporal.PlainDate.from(text);

describe('deadlineState', () => {
  it.each([
    ['2026-01-05T09:00', 'due-later', { workingDaysLeft: 7 }],
    ['2026-01-08T09:00', 'due-later', { workingDaysLeft: 4 }],
    ['2026-01-09T09:00', 'due-soon', { workingDaysLeft: 3 }],
    ['2026-01-13T17:00', 'due-soon', { workingDaysLeft: 1 }],
    ['2026-01-14T23:59', 'due-today', { workingDaysLeft: 0 }],
    ['2026-01-15T00:00', 'overdue', { workingDaysOverdue: 1 }],
    ['2026-01-19T09:00', 'overdue', { workingDaysOverdue: 3 }],
  ] as const)('at %s an unmet ICPC deadline is %s', (now, state, counts) => {
    expect(deadlineState(icpc, at(now), null, calendar)).toEqual({ state, ...counts });
  });

  it('counts working days only: a Saturday after a Wednesday deadline is 2 working days overdue', () => {
    expect(deadlineState(icpc, at('2026-01-17T12:00'), undefined, calendar)).toEqual({ state: 'overdue', workingDaysOverdue: 2 });
  });

  it('is met when the thing happened on or before the due date, whenever asked', () => {
    expect(deadlineState(icpc, at('2026-03-01T09:00'), on('2026-01-14'), calendar)).toEqual({ state: 'met' });
    expect(deadlineState(icpc, at('2026-01-02T09:00'), on('2025-12-30'), calendar)).toEqual({ state: 'met' });
  });

  it('is met late, with the working days it was late by, when it happened after', () => {
    expect(deadlineState(icpc, at('2026-03-01T09:00'), on('2026-01-16'), calendar)).toEqual({ state: 'met-late', workingDaysOverdue: 2 });
  });

  it('goes by the clock for a date-time deadline', () => {
    expect(deadlineState(report, at('2026-03-15T09:59'), null, calendar)).toEqual({ state: 'due-today', workingDaysLeft: 0 });
    expect(deadlineState(report, at('2026-03-15T10:01'), null, calendar)).toEqual({ state: 'overdue', workingDaysOverdue: 0 });
    expect(deadlineState(report, at('2026-03-20T09:00'), at('2026-03-15T10:00'), calendar)).toEqual({ state: 'met' });
    expect(deadlineState(report, at('2026-03-20T09:00'), at('2026-03-15T11:00'), calendar)).toEqual({ state: 'met-late', workingDaysOverdue: 0 });
    expect(deadlineState(report, at('2026-03-20T09:00'), on('2026-03-16'), calendar)).toEqual({ state: 'met-late', workingDaysOverdue: 1 });
  });

  it('treats a minimum period as met once it has run, and early action as met early', () => {
    expect(deadlineState(allocated, at('2026-05-29T09:00'), null, calendar)).toEqual({ state: 'due-later', workingDaysLeft: 2 });
    expect(deadlineState(allocated, at('2026-06-02T09:00'), null, calendar)).toEqual({ state: 'met' });
    expect(deadlineState(allocated, at('2026-07-01T09:00'), on('2026-05-01'), calendar)).toEqual({ state: 'met-early' });
    expect(deadlineState(allocated, at('2026-07-01T09:00'), on('2026-06-02'), calendar)).toEqual({ state: 'met' });
  });
});
