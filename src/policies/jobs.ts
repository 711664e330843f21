import { hasRole, type Actor } from './roles.js';

/**
 * Scheduled work belongs to no child and no case: keeping it running is the administrator's job,
 * as with the outbox. Nobody else sees the runs or retries one.
 */
export function mayManageJobs(actor: Actor | null): boolean {
  return hasRole(actor, 'administrator');
}
