import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { isRoleId, type Actor } from '../../policies/roles.js';

export type UserRow = typeof users.$inferSelect;

export function toActor(row: UserRow): Actor {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    organisationId: row.organisationId,
    teamId: row.teamId,
    roles: row.roles.filter(isRoleId),
  };
}

/** The signed-in user as policies see them; null when deactivated or gone. */
export async function loadActor(db: Queryable, userId: string): Promise<Actor | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return row && row.active ? toActor(row) : null;
}

/** The signed-in user and whether they must replace a temporary password before anything else. */
export async function loadSignedInUser(db: Queryable, userId: string): Promise<{ actor: Actor; mustChangePassword: boolean } | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return row && row.active ? { actor: toActor(row), mustChangePassword: row.mustChangePassword } : null;
}
