import { hasRole, type Actor } from './roles.js';

/**
 * Life on a plan: the authority's safeguarding staff read it; the lead social worker and their
 * managers keep it (core groups, visits, the detailed plan); a team manager approves a change to
 * the visit frequency (CG3); a service manager ends a plan without a conference (EN1), and the
 * chair confirms an ending that waited for an absent professional's agreement (EN6).
 */
export function mayViewPlans(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'service-manager', 'chair', 'business-support', 'register-officer');
}

export function mayKeepPlan(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'service-manager');
}

/** CG2: any professional on the plan, partner agencies included, may say they cannot do their part. */
export function mayReportPlanActionProblem(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'service-manager', 'agency-practitioner');
}

export function mayApproveVisitFrequency(actor: Actor | null): boolean {
  return hasRole(actor, 'team-manager');
}

/** RV2: the social worker, managers or the chair may bring a review forward. */
export function mayRequestReview(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'service-manager', 'chair');
}

export function mayEndPlan(actor: Actor | null, decider: 'service-manager' | 'chair' | 'team-manager-or-chair'): boolean {
  if (decider === 'service-manager') return hasRole(actor, 'service-manager');
  if (decider === 'chair') return hasRole(actor, 'chair');
  return hasRole(actor, 'team-manager', 'chair');
}

/** Anyone who may end a plan by some route sees the ending page. */
export function mayOpenEndingPage(actor: Actor | null): boolean {
  return hasRole(actor, 'service-manager', 'chair');
}

/** TS7: the chair writes the designated review's briefing note for service managers. */
export function mayWriteBriefingNote(actor: Actor | null): boolean {
  return hasRole(actor, 'chair');
}

/**
 * RV4: the legal advice after a designated review is sought by the team manager who oversees the
 * child's case (or, where the case has none recorded, any team manager); a service manager may
 * record it for them. Decided by the relationship to the case, not by the role alone.
 */
export function mayRecordLegalAdvice(actor: Actor | null, caseTeamManagerId: string | null): boolean {
  if (hasRole(actor, 'service-manager')) return true;
  if (!hasRole(actor, 'team-manager')) return false;
  return caseTeamManagerId === null || caseTeamManagerId === actor?.id;
}
