import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { conferences, strategyDiscussions } from '../../db/schema/index.js';
import { ACTIVE_STATUSES } from './decide-to-convene.js';
import { loadHousehold, loadHouseholdChildren } from '../shared/load-records.js';

/** A household at the front door: its children, its strategy discussions and the conferences still to happen. */
export async function loadHouseholdFrontDoor(db: Queryable, householdId: string, today: Temporal.PlainDate) {
  const household = await loadHousehold(db, householdId);
  const children = await loadHouseholdChildren(db, householdId, today);
  const discussions = await db.select().from(strategyDiscussions).where(eq(strategyDiscussions.householdId, householdId)).orderBy(desc(strategyDiscussions.heldAt));
  const activeConferences = await db
    .select()
    .from(conferences)
    .where(and(eq(conferences.householdId, householdId), inArray(conferences.status, ACTIVE_STATUSES)))
    .orderBy(desc(conferences.createdAt));
  return { household, children, discussions, conferences: activeConferences };
}
