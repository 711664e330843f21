import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { caseAllocations, users } from '../../db/schema/index.js';

const NOBODY = 'Not allocated';

/** Who holds a case now and every allocation before, newest first, with people's names rather than ids. */
export async function loadAllocationHistory(db: Queryable, caseRow: { id: string; socialWorkerId: string | null; teamManagerId: string | null }) {
  const history = await db.select({ a: caseAllocations, by: users.displayName }).from(caseAllocations).leftJoin(users, eq(caseAllocations.recordedBy, users.id))
    .where(eq(caseAllocations.caseId, caseRow.id)).orderBy(desc(caseAllocations.recordedAt));
  // Former staff keep their names here, so every user is looked up, not only the active ones.
  const names = new Map((await db.select({ id: users.id, n: users.displayName }).from(users)).map((u) => [u.id, u.n]));
  const nameOf = (id: string | null) => names.get(id ?? '') ?? NOBODY;
  return {
    current: { socialWorker: nameOf(caseRow.socialWorkerId), teamManager: nameOf(caseRow.teamManagerId) },
    history: history.map((h) => ({ ...h.a, by: h.by, socialWorker: nameOf(h.a.socialWorkerId), teamManager: nameOf(h.a.teamManagerId) })),
  };
}
