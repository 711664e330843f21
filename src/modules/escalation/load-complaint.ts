import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { complaints } from '../../db/schema/index.js';

const uuid = /^[0-9a-f-]{36}$/i;

export async function loadComplaint(db: Queryable, id: string) {
  if (!uuid.test(id)) return null;
  const [complaint] = await db.select().from(complaints).where(eq(complaints.id, id));
  return complaint ?? null;
}
