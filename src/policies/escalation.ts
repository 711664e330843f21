import { hasRole, type Actor } from './roles.js';

/** Complaints are received by the chair, business support or a service manager. */
export function mayRecordComplaint(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'business-support', 'service-manager');
}

/** Moving a complaint on: the chair at the informal stage; service managers for the formal ones. */
export function mayAdvanceComplaint(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'service-manager');
}

/** Professional dissent is recorded by the chair or a manager and decided by a service manager. */
export function mayRecordDissent(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'team-manager', 'service-manager');
}
export function mayDecideDissent(actor: Actor | null): boolean {
  return hasRole(actor, 'service-manager');
}

/** The chair raises practice concerns; managers may record how they were resolved. */
export function mayRaisePracticeConcern(actor: Actor | null): boolean {
  return hasRole(actor, 'chair');
}
export function mayResolvePracticeConcern(actor: Actor | null): boolean {
  return hasRole(actor, 'chair', 'team-manager', 'service-manager');
}

/** Transfer notices are the designated manager's (RG5), with the social worker. */
export function mayHandleTransfers(actor: Actor | null): boolean {
  return hasRole(actor, 'register-officer', 'social-worker', 'team-manager');
}

/** Anyone who may see a child's record sees complaints, dissent and concerns about its conferences. */
export function mayViewEscalations(actor: Actor | null): boolean {
  return hasRole(actor, 'social-worker', 'team-manager', 'service-manager', 'chair', 'business-support', 'register-officer');
}
