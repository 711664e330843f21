import { hasRole, type Actor } from './roles.js';

/**
 * RG2–RG4: the enquiry service. Enquirers (police, health, out-of-hours) and the designated
 * manager (the register officer) take enquiries. An enquiry is continued only by the person who
 * took it, so one enquirer never sees the children another was shown; the designated manager
 * reads every enquiry to act on what they flag.
 */
export function mayTakeEnquiries(actor: Actor | null): boolean {
  return hasRole(actor, 'enquirer', 'register-officer');
}

export function mayContinueEnquiry(actor: Actor | null, takenBy: string): boolean {
  return Boolean(actor) && mayTakeEnquiries(actor) && actor!.id === takenBy;
}

export function mayReadEnquiry(actor: Actor | null, takenBy: string): boolean {
  return mayContinueEnquiry(actor, takenBy) || hasRole(actor, 'register-officer');
}

/** The directory of recognised agencies and numbers is kept by the administrator and the designated manager. */
export function mayKeepRecognisedCallers(actor: Actor | null): boolean {
  return hasRole(actor, 'administrator', 'register-officer');
}
