import { hasRole, type Actor } from './roles.js';

/**
 * The register of children with a plan (RG1) is kept by the designated manager / register
 * officer (DOMAIN.md roles); a service manager reads it. Both see only their own authority's
 * register: the module filters by the actor's organisation.
 */
export function mayViewRegister(actor: Actor | null): boolean {
  return hasRole(actor, 'register-officer', 'service-manager');
}

/** Keeping the register current: risk notifications (RG5), placements and children's centre lists (RG6). */
export function mayKeepRegister(actor: Actor | null): boolean {
  return hasRole(actor, 'register-officer');
}
