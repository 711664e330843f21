import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';

/**
 * What PostgreSQL's autovacuum does by itself, for embedded PGlite, which has none: refreshes the
 * statistics the query planner chooses indexes by (without them it goes on estimating from empty
 * tables and picks scans that were right for a new authority and wrong a year later), and reclaims
 * the space of rows that were updated or deleted. Every audit row is updated once, when the chain
 * seals it, so without a vacuum the audit table carried a dead copy of every row it ever held, and
 * sessions, the outbox and the job runs the same. Hourly, the vacuum only visits pages changed since
 * the last one.
 */
export async function refreshPlannerStatistics(db: Queryable): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}
