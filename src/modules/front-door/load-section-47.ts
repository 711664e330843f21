import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { section47Enquiries, strategyDiscussions } from '../../db/schema/index.js';
import { NotFoundError } from '../shared/errors.js';
import { isUuid, loadCase } from '../shared/load-records.js';

export async function loadSection47(db: Queryable, id: string) {
  if (!isUuid(id)) throw new NotFoundError('We could not find that section 47 enquiry.');
  const [row] = await db
    .select({ enquiry: section47Enquiries, discussion: strategyDiscussions })
    .from(section47Enquiries)
    .innerJoin(strategyDiscussions, eq(section47Enquiries.strategyDiscussionId, strategyDiscussions.id))
    .where(eq(section47Enquiries.id, id));
  if (!row) throw new NotFoundError('We could not find that section 47 enquiry.');
  const episode = await loadCase(db, row.enquiry.caseId);
  return { ...row, ...episode };
}
