import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { dataGeneration } from '../../db/schema/index.js';

/**
 * How many transactions have changed the records work lists are made from, as committed now
 * (migration 0043): the same number means nothing a list reads has changed since.
 */
export async function readDataGeneration(db: Queryable): Promise<number> {
  const [row] = await db.select({ changes: dataGeneration.changes }).from(dataGeneration).where(eq(dataGeneration.id, 1));
  if (!row) throw new Error('data_generation has no row: migration 0043 not applied');
  return row.changes;
}
