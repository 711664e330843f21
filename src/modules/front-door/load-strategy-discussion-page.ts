import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { section47Enquiries, type strategyDiscussions } from '../../db/schema/index.js';
import { loadStrategyDiscussion } from './load-strategy-discussion.js';

export type StrategyDiscussionRow = typeof strategyDiscussions.$inferSelect;
export type Section47EnquiryRow = typeof section47Enquiries.$inferSelect;

/** FD3 / FD4: a strategy discussion, the children it was about and the section 47 enquiries started from it. */
export async function loadStrategyDiscussionPage(db: Queryable, id: string) {
  const { discussion, children } = await loadStrategyDiscussion(db, id);
  const enquiries: Section47EnquiryRow[] = await db.select().from(section47Enquiries).where(eq(section47Enquiries.strategyDiscussionId, discussion.id));
  return { discussion, children, enquiries };
}
