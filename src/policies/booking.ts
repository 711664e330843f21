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
