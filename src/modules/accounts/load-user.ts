import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { userAdminColumns } from './user-admin-columns.js';

const uuid = /^[0-9a-f-]{36}$/i;

/** One user as the administrator edits them; null for an id that is not a user. */
export async function loadUser(db: Queryable, id: string) {
  if (!uuid.test(id)) return null;
  const [row] = await db.select(userAdminColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}
