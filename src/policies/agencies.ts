import { hasRole, type Actor } from './roles.js';

/** The directory of partner agencies and their practitioners: contact details, not children's records. */
export function mayViewAgencies(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'service-manager', 'chair', 'business-support', 'register-officer', 'administrator');
}

/** Business support keeps invitation contacts up to date; administrators add agencies. */
export function mayManageProfessionals(actor: Actor | null): boolean {
  return hasRole(actor, 'business-support', 'administrator');
}

export function mayManageAgencies(actor: Actor | null): boolean {
  return hasRole(actor, 'administrator');
}
