import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { people } from '../../db/schema/index.js';

const uuid = /^[0-9a-f-]{36}$/i;

/** A child's or adult's record as it stands; null for an id that is no one. Callers check access and audit the read. */
export async function loadPerson(db: Queryable, id: string) {
  if (!uuid.test(id)) return null;
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row ?? null;
}
