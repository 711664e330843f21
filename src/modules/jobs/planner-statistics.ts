import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';

/**
 * Refreshes the statistics the query planner chooses indexes by. PostgreSQL's autovacuum does this
 * by itself; embedded PGlite has no autovacuum, so without it the planner goes on estimating from
 * empty tables and picks scans that were right for a new authority and wrong a year later.
 */
export async function refreshPlannerStatistics(db: Queryable): Promise<void> {
  await db.execute(sql`analyze`);
}
