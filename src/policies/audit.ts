import { hasRole, type Actor } from './roles.js';

/** The audit trail is read by auditors (information governance) only: administrators
 *  change accounts, so they do not also review the record of those changes. */
export function mayReadAudit(actor: Actor | null): boolean {
  return hasRole(actor, 'auditor');
}
