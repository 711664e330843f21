import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, people, strategyDiscussionChildren, strategyDiscussions } from '../../db/schema/index.js';
import { childName, loadById } from '../shared/load-records.js';

/** A strategy discussion with the children (cases) it was about. */
export async function loadStrategyDiscussion(db: Queryable, id: string) {
  const discussion = await loadById(db, strategyDiscussions, id, 'that strategy discussion');
  const rows = await db
    .select({ caseId: cases.id, child: people })
    .from(strategyDiscussionChildren)
    .innerJoin(cases, eq(strategyDiscussionChildren.caseId, cases.id))
    .innerJoin(people, eq(cases.childId, people.id))
    .where(eq(strategyDiscussionChildren.strategyDiscussionId, id))
    .orderBy(asc(people.dateOfBirth));
  return { discussion, children: rows.map((r) => ({ caseId: r.caseId, childId: r.child.id, name: childName(r.child), person: r.child })) };
}
