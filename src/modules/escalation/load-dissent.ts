import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { dissents } from '../../db/schema/index.js';

const uuid = /^[0-9a-f-]{36}$/i;

export async function loadDissent(db: Queryable, id: string) {
  if (!uuid.test(id)) return null;
  const [dissent] = await db.select().from(dissents).where(eq(dissents.id, id));
  return dissent ?? null;
}
