import { hasRole, type Actor } from './roles.js';

/**
 * The conference on the day is run by its chair and the minute taker (business support): both
 * keep attendance, views and the outline plan; only the chair ticks the opening, decides, and
 * approves the record (CF4, DC3, RC1).
 */
export function mayRunMeeting(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'business-support');
}

/** The chair of this conference; any chair where none is assigned yet (a chair covering on the day is assigned first). */
export function mayChairConference(actor: Actor | null, conference: { chairId: string | null }): boolean {
  if (!hasRole(actor, 'chair') || actor === null) return false;
  return conference.chairId === null || conference.chairId === actor.id;
}

/** Drafting the record is the minute taker's job; the chair may write the chair's record. */
export function mayDraftRecord(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'business-support');
}

/** Sending decisions and the approved record is business support's, or the chair's. */
export function mayDistributeConferenceDocuments(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'business-support');
}

/** Reading the decisions and the record after the conference: those who run it and the authority's managers. */
export function mayReadConferenceOutcome(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'business-support', 'service-manager', 'team-manager');
}
