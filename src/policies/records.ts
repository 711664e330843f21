import { hasRole, type Actor } from './roles.js';

/**
 * RC7 retention and disposal: the administrator and the register officer (the designated manager
 * who keeps the records) review their own authority's closed cases. The role opens the pages; the
 * case must belong to the person's own organisation (`mayReviewRetentionOf`).
 */
export function mayReviewRetention(actor: Actor | null): boolean {
  return hasRole(actor, 'administrator', 'register-officer');
}

export function mayReviewRetentionOf(actor: Actor | null, caseOrganisationId: string): boolean {
  return mayReviewRetention(actor) && actor?.organisationId === caseOrganisationId;
}

/** Four eyes: the person who approves a disposal is never the person who proposed it. */
export function mayApproveDisposal(actor: Actor | null, disposal: { proposedBy: string; organisationId: string }): boolean {
  return mayReviewRetentionOf(actor, disposal.organisationId) && actor?.id !== disposal.proposedBy;
}

/**
 * RC7 subject access: information governance (the auditor role, DOMAIN.md) records requests; the
 * bundle and the release are for the person responsible for the request, in the same organisation:
 * a relationship to the request, not the role alone.
 */
export function mayRecordSubjectAccess(actor: Actor | null): boolean {
  return hasRole(actor, 'auditor');
}

export function mayHandleSubjectAccess(actor: Actor | null, request: { responsibleUserId: string; organisationId: string }): boolean {
  return mayRecordSubjectAccess(actor) && actor?.id === request.responsibleUserId && actor.organisationId === request.organisationId;
}

/** RC7: the retention schedule is the authority's policy, set by its administrator alone. */
export function mayConfigureRetention(actor: Actor | null): boolean {
  return hasRole(actor, 'administrator');
}
