import { hasRole, type Actor } from './roles.js';

/** Administrators manage users, teams and roles. */
export function mayManageUsers(actor: Actor | null): boolean {
  return hasRole(actor, 'administrator');
}

/** An administrator may not remove their own administrator role or deactivate themselves:
 *  that would risk locking every administrator out. */
export function mayChangeOwnAdminStatus(actor: Actor | null, targetUserId: string): boolean {
  return mayManageUsers(actor) && actor !== null && actor.id !== targetUserId;
}

/** Any signed-in user changes their own password and second factor. */
export function mayManageOwnAccount(actor: Actor | null): boolean {
  return actor !== null;
}
