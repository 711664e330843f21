import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { organisations, users } from '../../db/schema/index.js';
import { userAdminColumns } from './user-admin-columns.js';

/** Every user with their organisation's name, by username, for the administrator's list. */
export async function loadUsers(db: Queryable) {
  const rows = await db
    .select({ user: userAdminColumns, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(users.organisationId, organisations.id))
    .orderBy(asc(users.username));
  return rows.map((r) => ({ ...r.user, organisationName: r.organisationName }));
}

export type UserListRow = Awaited<ReturnType<typeof loadUsers>>[number];
