import { hasRole, type Actor } from './roles.js';

/**
 * Business support sends invitations for the co-ordinator, and the chair may do the same; the
 * social worker provides the list and the team manager oversees it, so both can see it (IN2, IN3).
 */
export function mayManageInvitations(actor: Actor | null): boolean {
  return hasRole(actor, 'business-support', 'chair');
}

export function mayViewInvitations(actor: Actor | null): boolean {
  return hasRole(actor, 'business-support', 'chair', 'social-worker', 'team-manager');
}

/** IN9: only the chair agrees to an observer (with the family's consent, recorded alongside). */
export function mayAgreeObserver(actor: Actor | null): boolean {
  return hasRole(actor, 'chair');
}

/** The outbox shows addresses and subjects, not letters: the administrator keeps delivery running. */
export function mayManageOutbox(actor: Actor | null): boolean {
  return hasRole(actor, 'administrator');
}

/** IN3: business support prints the posted letters and posts them; they already send the invitations they come from. */
export function mayPrintLetters(actor: Actor | null): boolean {
  return hasRole(actor, 'business-support');
}
