import { describe, expect, it } from 'vitest';
import { CONFERENCE_EVENTS, CONFERENCE_STATUSES, canTransition, nextStatus, TransitionError } from './transitions.js';

const ALLOWED: [string, string, string][] = [
  ['awaiting-authorisation', 'authorise', 'requested'],
  ['requested', 'book', 'booked'],
  ['booked', 'rearrange', 'booked'],
  ['invitations-sent', 'rearrange', 'booked'],
  ['booked', 'send-invitations', 'invitations-sent'],
  ['invitations-sent', 'send-invitations', 'invitations-sent'],
  ['invitations-sent', 'hold', 'held'],
  ['invitations-sent', 'adjourn', 'adjourned'],
  ['awaiting-authorisation', 'cancel', 'cancelled'],
  ['requested', 'cancel', 'cancelled'],
  ['booked', 'cancel', 'cancelled'],
  ['invitations-sent', 'cancel', 'cancelled'],
];

describe('conference transitions', () => {
  it.each(ALLOWED)('from %s, %s leads to %s', (from, event, to) => {
    expect(nextStatus(from as never, event as never)).toBe(to);
  });

  it('refuses every step not in the table, with a message a person understands', () => {
    const allowed = new Set(ALLOWED.map(([f, e]) => `${f}|${e}`));
    let refused = 0;
    for (const from of CONFERENCE_STATUSES) {
      for (const event of CONFERENCE_EVENTS) {
        if (allowed.has(`${from}|${event}`)) {
          expect(canTransition(from, event)).toBe(true);
          continue;
        }
        refused += 1;
        expect(canTransition(from, event)).toBe(false);
        expect(() => nextStatus(from, event)).toThrow(TransitionError);
        expect(() => nextStatus(from, event)).toThrow(/^You cannot .+ now: .+/);
      }
    }
    expect(refused).toBe(CONFERENCE_STATUSES.length * CONFERENCE_EVENTS.length - ALLOWED.length);
  });

  it('says why a held conference cannot be cancelled', () => {
    expect(() => nextStatus('held', 'cancel')).toThrow('You cannot cancel it now: The conference has already been held.');
  });
  it('says a decision must be authorised before booking', () => {
    expect(() => nextStatus('awaiting-authorisation', 'book')).toThrow(/team manager must authorise/);
  });
});
