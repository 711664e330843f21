import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

/** The active social workers and team managers a case can be allocated to, by name. */
export async function loadCaseStaff(db: Queryable) {
  const rows = await db.select({ id: users.id, displayName: users.displayName, roles: users.roles }).from(users).where(eq(users.active, true)).orderBy(asc(users.displayName));
  return { workers: rows.filter((u) => u.roles.includes('social-worker')), managers: rows.filter((u) => u.roles.includes('team-manager')) };
}
