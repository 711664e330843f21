import { mayAuthoriseOutOfTimescale, mayBookConferences, mayViewChildRecords } from './children.js';
import { hasRole, type Actor } from './roles.js';

/** The conference page: the authority's safeguarding staff who may see children's records. */
export function mayViewConference(actor: Actor | null): boolean {
  return mayViewChildRecords(actor);
}

/** Booking, rearranging and cancelling is business support's diary work. */
export function mayBook(actor: Actor | null): boolean {
  return mayBookConferences(actor);
}

/** TS30: whoever is arranging the conference may ask for a late date. */
export function mayRequestOutOfTimescale(actor: Actor | null): boolean {
  return hasRole(actor, 'business-support', 'social-worker', 'team-manager');
}

/** TS30: only a service manager authorises a conference out of timescale. */
export function mayDecideOutOfTimescale(actor: Actor | null): boolean {
  return mayAuthoriseOutOfTimescale(actor);
}

/** Who may reach the booking page at all: business support, and a social worker (whose own child it may be). */
export function mayReachBookingPage(actor: Actor | null): boolean {
  return mayBook(actor) || hasRole(actor, 'social-worker');
}

/**
 * The booking page of one conference, read only: the allocated social worker of a child the
 * conference is about sees when and where it is (or would be) without booking it.
 */
export function mayReadBooking(actor: Actor | null, caseStaff: readonly { socialWorkerId: string | null }[]): boolean {
  if (mayBook(actor)) return true;
  return actor !== null && hasRole(actor, 'social-worker') && caseStaff.some((s) => s.socialWorkerId === actor.id);
}
