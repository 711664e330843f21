import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { addresses, cases } from '../../db/schema/index.js';

/** A person's addresses and (for a child) cases, newest first, as their record page lists them. */
export async function loadPersonRecord(db: Queryable, personId: string) {
  const history = await db.select().from(addresses).where(eq(addresses.personId, personId)).orderBy(desc(addresses.fromDate));
  const personCases = await db.select().from(cases).where(eq(cases.childId, personId)).orderBy(desc(cases.openedOn));
  return { addresses: history, cases: personCases };
}
