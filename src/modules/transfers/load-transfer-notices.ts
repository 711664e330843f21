import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { people, transferNotices } from '../../db/schema/index.js';

/** Every child moving in or out, newest notice first, with the child's name. */
export async function loadTransferNotices(db: Queryable) {
  const rows = await db
    .select({ t: transferNotices, givenNames: people.givenNames, familyName: people.familyName })
    .from(transferNotices)
    .innerJoin(people, eq(transferNotices.childId, people.id))
    .orderBy(desc(transferNotices.createdAt));
  return rows.map((r) => ({ ...r.t, child: `${r.givenNames} ${r.familyName}`.trim() }));
}

/** One notice on its own, to show again beside a refused form. */
export async function loadTransferNotice(db: Queryable, id: string) {
  const [notice] = await db.select().from(transferNotices).where(eq(transferNotices.id, id));
  return notice ?? null;
}
