import { expect } from 'vitest';
import type { Actor, RoleId } from '../../src/policies/roles.js';

/** An actor of the authority with these roles and no relationship to anything, for policy tests. */
export const actorWith = (...roles: RoleId[]): Actor => ({ id: 'u', username: 'u', displayName: 'U', organisationId: 'o', teamId: null, roles });

/**
 * What a policy that looks only at roles answers, said once: yes to each role in `allowed`, no to
 * each in `refused` (null: nobody signed in). Each answer is still its own expectation, named by the role.
 */
export function expectRoles(
  policy: (actor: Actor | null) => boolean,
  answers: { allowed: readonly RoleId[]; refused: readonly (RoleId | null)[] },
): void {
  for (const role of answers.allowed) expect(policy(actorWith(role)), role).toBe(true);
  for (const role of answers.refused) expect(policy(role === null ? null : actorWith(role)), role ?? 'nobody signed in').toBe(false);
}
