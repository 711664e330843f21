import { hasRole, type Actor } from './roles.js';
import { mayChairConference } from './meeting.js';
import { holdsReportLink } from './report-link.js';

/**
 * Reports and participation. The authority's staff see a conference's reports; agency
 * practitioners reach only conferences they are invited to, and only their own reports there
 * (the invitation check is data, done in src/modules/reports/conference-access.ts).
 */
const AUTHORITY_STAFF = ['social-worker', 'team-manager', 'service-manager', 'chair', 'business-support'] as const;

export function mayViewConferenceReports(actor: Actor | null): boolean {
  return hasRole(actor, ...AUTHORITY_STAFF, 'agency-practitioner') || holdsReportLink(actor);
}

/** Whether the actor sees every report of a conference, rather than only their own. */
export function maySeeAllReports(actor: Actor | null): boolean {
  return hasRole(actor, ...AUTHORITY_STAFF);
}

/** Social workers write the social work report and the family's views; agency practitioners their agency report. */
export function mayWriteReports(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'agency-practitioner') || holdsReportLink(actor);
}

export function mayWriteSocialWorkReport(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager');
}

/** Sharing with the family and recording their disagreements is the social worker's job (IN8, RP5), or business support's. */
export function mayShareReports(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'business-support');
}

/** The chair's readiness view: the chair, and those preparing the conference. */
export function mayViewReadiness(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'business-support', 'social-worker', 'team-manager', 'service-manager');
}

/** IN5–IN8: the social worker prepares the family and child; the chair and business support see and help. */
export function mayRecordParticipation(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'chair', 'business-support');
}

/** EX1: any professional involved may ask the chair to exclude a family member. */
export function mayRequestExclusion(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'chair', 'business-support');
}

/** EX2: the decision is the chair's alone (the conference's own chair once assigned). */
export function mayDecideExclusion(actor: Actor | null, conference: { chairId: string | null }): boolean {
  return mayChairConference(actor, conference);
}

/** RP4: the chair decides how a confidential section is presented. */
export function mayDecideConfidentialPresentation(actor: Actor | null, conference: { chairId: string | null }): boolean {
  return mayChairConference(actor, conference);
}

/** The agency practitioner's own list of conferences. */
export function mayListOwnConferences(actor: Actor | null): boolean {
  return hasRole(actor, 'agency-practitioner');
}

/**
 * IN10: a child's request not followed, and an advocate for a parent, are recorded by the social
 * worker or team manager of a subject child's case, or the conference's chair (a service manager
 * may too): decided by the relationship to the children, not the role alone.
 */
export function mayRecordChildVoice(actor: Actor | null, rel: { socialWorkerIds: readonly (string | null)[]; teamManagerIds: readonly (string | null)[]; chairId: string | null }): boolean {
  if (!actor) return false;
  if (hasRole(actor, 'service-manager')) return true;
  if (hasRole(actor, 'chair') && rel.chairId === actor.id) return true;
  if (hasRole(actor, 'team-manager') && rel.teamManagerIds.includes(actor.id)) return true;
  return hasRole(actor, 'social-worker') && rel.socialWorkerIds.includes(actor.id);
}

/**
 * `003` the social work report: a team manager of the social worker's team checks it before it is
 * shared: the manager of the child's case, or a team manager in the same team as its author.
 */
export function mayCheckSocialWorkReport(actor: Actor | null, rel: { authorTeamId: string | null; caseTeamManagerIds: readonly (string | null)[] }): boolean {
  if (!actor || !hasRole(actor, 'team-manager')) return false;
  if (rel.caseTeamManagerIds.includes(actor.id)) return true;
  return actor.teamId !== null && actor.teamId === rel.authorTeamId;
}

/** `003`: a recommendation of legal action is agreed by the children's service manager before the conference. */
export function mayAgreeLegalAction(actor: Actor | null): boolean {
  return hasRole(actor, 'service-manager');
}
