import { asc, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

/** Active staff holding a role, as choices (value: user id, text: display name), by name. */
function activeStaffWith(db: Queryable, role: string) {
  return db.select({ value: users.id, text: users.displayName }).from(users).where(sql`${role} = any(${users.roles}) and ${users.active}`).orderBy(asc(users.displayName));
}

/** DC6: whom the chair can name as a child's lead social worker and the team manager to contact. */
export async function loadDecisionStaff(db: Queryable) {
  const socialWorkers = await activeStaffWith(db, 'social-worker');
  const teamManagers = await activeStaffWith(db, 'team-manager');
  return { socialWorkers, teamManagers };
}
