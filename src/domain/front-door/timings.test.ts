import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import {
  coreAssessmentDueOn, dateDueStatus, dateTimeDueStatus, initialAssessmentDueOn, referralDecisionDueOn, writtenConfirmationDueAt,
} from './timings.js';

const calendar = bundledCalendar('england-and-wales');
const d = (s: string) => Temporal.PlainDate.from(s);
const dt = (s: string) => Temporal.PlainDateTime.from(s);

describe('front-door due dates', () => {
  it('FD1: decision and acknowledgement the next working day, over a weekend and bank holiday', () => {
    expect(referralDecisionDueOn(d('2026-03-02'), calendar).toString()).toBe('2026-03-03');
    expect(referralDecisionDueOn(d('2026-04-02'), calendar).toString()).toBe('2026-04-07'); // Good Friday and Easter Monday
  });
  it('FD1: a telephone referral by a professional is confirmed in writing within 48 hours', () => {
    expect(writtenConfirmationDueAt(dt('2026-03-02T16:30')).toString()).toBe('2026-03-04T16:30:00');
  });
  it('FD2: initial assessment 10 working days after the referral', () => {
    expect(initialAssessmentDueOn(d('2026-03-02'), calendar).toString()).toBe('2026-03-16');
  });
  it('FD4: core assessment 35 working days after the enquiry starts, skipping Easter', () => {
    // 2026-03-02 + 35 working days would be 2026-04-20 without the two Easter bank holidays.
    expect(coreAssessmentDueOn(d('2026-03-02'), calendar).toString()).toBe('2026-04-22');
  });
  it('derives met, late, overdue and due states', () => {
    expect(dateDueStatus(d('2026-03-03'), d('2026-03-03'), d('2026-03-10'))).toBe('met');
    expect(dateDueStatus(d('2026-03-03'), d('2026-03-04'), d('2026-03-10'))).toBe('met-late');
    expect(dateDueStatus(d('2026-03-03'), null, d('2026-03-04'))).toBe('overdue');
    expect(dateDueStatus(d('2026-03-03'), null, d('2026-03-03'))).toBe('due-today');
    expect(dateDueStatus(d('2026-03-03'), null, d('2026-03-02'))).toBe('due-later');
    expect(dateTimeDueStatus(dt('2026-03-04T16:30'), dt('2026-03-04T16:31'), dt('2026-03-05T00:00'))).toBe('met-late');
    expect(dateTimeDueStatus(dt('2026-03-04T16:30'), null, dt('2026-03-04T16:31'))).toBe('overdue');
    expect(dateTimeDueStatus(dt('2026-03-04T16:30'), null, dt('2026-03-04T09:00'))).toBe('due-today');
  });
});
