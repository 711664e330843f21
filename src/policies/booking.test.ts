import { describe, expect, it } from 'vitest';
import { mayBook, mayDecideOutOfTimescale, mayReachBookingPage, mayReadBooking, mayRequestOutOfTimescale, mayViewConference } from './booking.js';
import { actorWith as as, expectRoles } from '../../test/support/policy-expectations.js';

describe('booking policies', () => {
  it('only business support books, rearranges and cancels', () => {
    expectRoles(mayBook, { allowed: ['business-support'], refused: ['social-worker', 'team-manager', 'service-manager', 'chair', 'administrator'] });
  });

  it('business support, social workers and team managers ask for out-of-timescale authorisation; only service managers decide (TS30)', () => {
    expectRoles(mayRequestOutOfTimescale, { allowed: ['business-support', 'social-worker', 'team-manager'], refused: ['agency-practitioner'] });
    expectRoles(mayDecideOutOfTimescale, { allowed: ['service-manager'], refused: ['team-manager', null] });
  });

  it('the conference page is for the authority’s safeguarding staff, not partner agencies or auditors', () => {
    expectRoles(mayViewConference, { allowed: ['social-worker', 'team-manager'], refused: ['agency-practitioner', 'auditor'] });
  });

  it('the booking is read by the allocated social worker of a child in the conference, not by any social worker', () => {
    const staff = [{ socialWorkerId: 'u' }];
    expect(mayReadBooking(as('social-worker'), staff)).toBe(true);
    expect(mayReadBooking(as('social-worker'), [{ socialWorkerId: 'someone-else' }])).toBe(false);
    expect(mayReadBooking(as('team-manager'), staff)).toBe(false);
    expect(mayReadBooking(as('business-support'), [])).toBe(true);
    expectRoles(mayReachBookingPage, { allowed: ['social-worker'], refused: ['chair'] });
  });
});
