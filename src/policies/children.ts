import { hasRole, type Actor } from './roles.js';

/**
 * Children's records are seen by the authority's safeguarding staff. Partner-agency
 * practitioners see only the conferences they are invited to (their own policy, later);
 * enquirers only what the enquiry service answers; administrators and auditors never browse them.
 */
const AUTHORITY_CASE_ROLES = ['social-worker', 'team-manager', 'service-manager', 'chair', 'business-support', 'register-officer'] as const;

export function mayViewChildRecords(actor: Actor | null): boolean {
  return hasRole(actor, ...AUTHORITY_CASE_ROLES);
}

/** Recording people, referrals, strategy discussions and section 47 work. */
export function mayRecordCaseWork(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'service-manager');
}

/** A team manager authorises assessments, decisions to convene and endorses outcomes. */
export function mayAuthoriseCaseDecisions(actor: Actor | null): boolean {
  return hasRole(actor, 'team-manager', 'service-manager');
}

/** Business support books conferences and keeps the diary. */
export function mayBookConferences(actor: Actor | null): boolean {
  return hasRole(actor, 'business-support');
}

/** Out-of-timescale authorisation (TS30) is a service manager's. */
export function mayAuthoriseOutOfTimescale(actor: Actor | null): boolean {
  return hasRole(actor, 'service-manager');
}

/**
 * CO4: a family's request for a change of worker is recorded by the case's own social worker or
 * its team manager (a service manager may too); decided by the relationship to the case.
 */
export function mayRecordWorkerChangeRequest(actor: Actor | null, c: { socialWorkerId: string | null; teamManagerId: string | null }): boolean {
  if (hasRole(actor, 'service-manager')) return true;
  if (hasRole(actor, 'team-manager') && (c.teamManagerId === null || c.teamManagerId === actor?.id)) return true;
  return hasRole(actor, 'social-worker') && c.socialWorkerId === actor?.id;
}

/** CO4: the case's team manager answers the request (or any team manager where none is recorded; a service manager may). */
export function mayAnswerWorkerChangeRequest(actor: Actor | null, caseTeamManagerId: string | null): boolean {
  if (hasRole(actor, 'service-manager')) return true;
  if (!hasRole(actor, 'team-manager')) return false;
  return caseTeamManagerId === null || caseTeamManagerId === actor?.id;
}

/**
 * FD6: sharing the section 47 outcome with the family is the case's own social worker's, or its
 * team manager's (a service manager may too); decided by the relationship to the case, not the role.
 */
export function mayShareSection47Outcome(actor: Actor | null, c: { socialWorkerId: string | null; teamManagerId: string | null }): boolean {
  if (!actor) return false;
  if (hasRole(actor, 'service-manager')) return true;
  if (hasRole(actor, 'team-manager') && c.teamManagerId === actor.id) return true;
  return hasRole(actor, 'social-worker') && c.socialWorkerId === actor.id;
}
