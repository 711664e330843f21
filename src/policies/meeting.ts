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

/** Who may reach the conference screen at all: those who run it, and a social worker (whose own child it may be). */
export function mayReachMeetingScreen(actor: Actor | null): boolean {
  return mayRunMeeting(actor) || hasRole(actor, 'social-worker');
}

/**
 * Following the meeting, read only: the allocated social worker of a subject child sees the
 * screen (attendance, quorum, each child's progress) but changes nothing; the chair and the
 * minute taker run it.
 */
export function mayFollowMeeting(actor: Actor | null, subjects: readonly { socialWorkerId: string | null }[]): boolean {
  if (mayRunMeeting(actor)) return true;
  return actor !== null && hasRole(actor, 'social-worker') && subjects.some((s) => s.socialWorkerId === actor.id);
}

/** TS21: the senior managers (service managers) review a case after the chair overruled the conference. */
export function mayReviewOverrule(actor: Actor | null): boolean {
  return hasRole(actor, 'service-manager');
}

/**
 * RC6: the information-sharing decision is recorded by this conference's chair, or its own minute
 * taker: decided by their part in this conference, not by role alone.
 */
export function mayRecordInformationSharing(actor: Actor | null, conference: { chairId: string | null; minuteTakerId: string | null }): boolean {
  if (!actor) return false;
  if (hasRole(actor, 'chair') && conference.chairId === actor.id) return true;
  return hasRole(actor, 'business-support') && conference.minuteTakerId === actor.id;
}
