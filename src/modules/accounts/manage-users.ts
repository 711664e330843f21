import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organisations, teams, users } from '../../db/schema/index.js';
import { mayChangeOwnAdminStatus, mayManageUsers } from '../../policies/accounts.js';
import type { RoleId } from '../../policies/roles.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { hashPassword } from './passwords.js';
import { destroyUserSessions } from './session-store.js';

export interface UserDetails {
  username: string;
  displayName: string;
  email?: string | undefined;
  jobTitle?: string | undefined;
  organisationId: string;
  teamId?: string | null | undefined;
  roles: RoleId[];
}

/** The user's columns the administrator's form sets, alike on creating and on changing an account. */
function detailColumns(input: Omit<UserDetails, 'username'>) {
  return {
    displayName: input.displayName,
    email: input.email ?? null,
    jobTitle: input.jobTitle ?? null,
    organisationId: input.organisationId,
    teamId: input.teamId ?? null,
    roles: input.roles,
  };
}

async function checkReferences(db: Database, input: Pick<UserDetails, 'organisationId' | 'teamId'>): Promise<void> {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw new ValidationError([{ field: 'organisationId', message: 'Select the organisation the user works for' }]);
  if (input.teamId) {
    const [team] = await db.select().from(teams).where(eq(teams.id, input.teamId));
    if (!team || team.organisationId !== input.organisationId) {
      throw new ValidationError([{ field: 'teamId', message: 'Select a team of the user’s organisation' }]);
    }
  }
}

export async function createUser(db: Database, context: ActionContext, input: UserDetails & { temporaryPassword: string }): Promise<string> {
  if (!mayManageUsers(context.actor)) throw new ForbiddenError();
  await checkReferences(db, input);
  const passwordHash = await hashPassword(input.temporaryPassword);
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${input.username.toLowerCase()}`);
    if (clash) throw new ValidationError([{ field: 'username', message: 'That username is already taken' }]);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        ...detailColumns(input),
        passwordHash,
        mustChangePassword: true,
        createdAt: context.now,
        updatedAt: context.now,
      })
      .returning({ id: users.id });
    if (!row) throw new Error('user insert returned nothing');
    await recordAudit(tx, context, {
      action: 'user-created', recordType: 'user', recordId: row.id,
      details: { username: input.username, roles: input.roles },
    });
    return row.id;
  });
}

export async function updateUser(
  db: Database,
  context: ActionContext,
  userId: string,
  input: Omit<UserDetails, 'username'> & { active: boolean },
): Promise<void> {
  if (!mayManageUsers(context.actor)) throw new ForbiddenError();
  const [existing] = await db.select().from(users).where(eq(users.id, userId));
  if (!existing) throw new NotFoundError('That user does not exist.');
  const removesOwnAdmin = existing.roles.includes('administrator') && !input.roles.includes('administrator');
  if ((removesOwnAdmin || !input.active) && !mayChangeOwnAdminStatus(context.actor, userId)) {
    throw new ConflictError('You cannot remove your own administrator role or deactivate yourself. Ask another administrator.');
  }
  await checkReferences(db, input);
  await db.transaction(async (tx) => {
    if (removesOwnAdmin || !input.active) {
      // Keep at least one active administrator, or nobody could manage accounts again.
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(ne(users.id, userId), eq(users.active, true), sql`'administrator' = any(${users.roles})`));
      if (existing.roles.includes('administrator') && (others?.n ?? 0) === 0) {
        throw new ConflictError('This is the last active administrator. Give someone else the administrator role first.');
      }
    }
    await tx
      .update(users)
      .set({
        ...detailColumns(input),
        active: input.active,
        updatedAt: context.now,
      })
      .where(eq(users.id, userId));
    if (!input.active) await destroyUserSessions(tx, userId);
    await recordAudit(tx, context, {
      action: existing.active && !input.active ? 'user-deactivated' : !existing.active && input.active ? 'user-reactivated' : 'user-updated',
      recordType: 'user', recordId: userId,
      details: { rolesBefore: existing.roles, rolesAfter: input.roles },
    });
  });
}

export async function unlockUser(db: Database, context: ActionContext, userId: string): Promise<void> {
  if (!mayManageUsers(context.actor)) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!row) throw new NotFoundError('That user does not exist.');
    await recordAudit(tx, context, { action: 'user-unlocked', recordType: 'user', recordId: userId });
  });
}

/** Sets a temporary password the user must change at next sign-in; ends their sessions. */
export async function resetUserPassword(db: Database, context: ActionContext, userId: string, temporaryPassword: string): Promise<void> {
  if (!mayManageUsers(context.actor)) throw new ForbiddenError();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedSignIns: 0, lockedUntil: null, updatedAt: context.now })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!row) throw new NotFoundError('That user does not exist.');
    await destroyUserSessions(tx, userId);
    await recordAudit(tx, context, { action: 'user-password-reset', recordType: 'user', recordId: userId });
  });
}

export async function createTeam(db: Database, context: ActionContext, input: { organisationId: string; name: string }): Promise<string> {
  if (!mayManageUsers(context.actor)) throw new ForbiddenError();
  await checkReferences(db, { organisationId: input.organisationId });
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organisationId, input.organisationId), sql`lower(${teams.name}) = ${input.name.toLowerCase()}`));
    if (clash) throw new ValidationError([{ field: 'name', message: 'That organisation already has a team with this name' }]);
    const [row] = await tx.insert(teams).values({ organisationId: input.organisationId, name: input.name }).returning({ id: teams.id });
    if (!row) throw new Error('team insert returned nothing');
    await recordAudit(tx, context, { action: 'team-created', recordType: 'team', recordId: row.id, details: { name: input.name } });
    return row.id;
  });
}
