import { describe, expect, it } from 'vitest';
import { mayBook, mayDecideOutOfTimescale, mayReachBookingPage, mayReadBooking, mayRequestOutOfTimescale, mayViewConference } from './booking.js';
import type { Actor, RoleId } from './roles.js';

const as = (...roles: RoleId[]): Actor => ({ id: 'u', username: 'u', displayName: 'U', organisationId: 'o', teamId: null, roles });

describe('booking policies', () => {
  it('only business support books, rearranges and cancels', () => {
    expect(mayBook(as('business-support'))).toBe(true);
    for (const role of ['social-worker', 'team-manager', 'service-manager', 'chair', 'administrator'] as const) expect(mayBook(as(role))).toBe(false);
  });

  it('business support, social workers and team managers ask for out-of-timescale authorisation; only service managers decide (TS30)', () => {
    for (const role of ['business-support', 'social-worker', 'team-manager'] as const) expect(mayRequestOutOfTimescale(as(role))).toBe(true);
    expect(mayRequestOutOfTimescale(as('agency-practitioner'))).toBe(false);
    expect(mayDecideOutOfTimescale(as('service-manager'))).toBe(true);
    expect(mayDecideOutOfTimescale(as('team-manager'))).toBe(false);
    expect(mayDecideOutOfTimescale(null)).toBe(false);
  });

  it('the conference page is for the authority’s safeguarding staff, not partner agencies or auditors', () => {
    expect(mayViewConference(as('social-worker'))).toBe(true);
    expect(mayViewConference(as('team-manager'))).toBe(true);
    expect(mayViewConference(as('agency-practitioner'))).toBe(false);
    expect(mayViewConference(as('auditor'))).toBe(false);
  });

  it('the booking is read by the allocated social worker of a child in the conference, not by any social worker', () => {
    const staff = [{ socialWorkerId: 'u' }];
    expect(mayReadBooking(as('social-worker'), staff)).toBe(true);
    expect(mayReadBooking(as('social-worker'), [{ socialWorkerId: 'someone-else' }])).toBe(false);
    expect(mayReadBooking(as('team-manager'), staff)).toBe(false);
    expect(mayReadBooking(as('business-support'), [])).toBe(true);
    expect(mayReachBookingPage(as('social-worker'))).toBe(true);
    expect(mayReachBookingPage(as('chair'))).toBe(false);
  });
});
