import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { enquiries, recognisedCallers } from '../../db/schema/index.js';
import { mayContinueEnquiry, mayReadEnquiry } from '../../policies/enquiries.js';
import type { Actor } from '../../policies/roles.js';
import { isUuid } from '../shared/load-records.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';

export type EnquiryRow = typeof enquiries.$inferSelect;

/** The enquiry with the directory entry it was recognised by; 404 when unknown, 403 when not the reader's. */
export async function loadEnquiry(db: Queryable, actor: Actor | null, id: string, purpose: 'read' | 'continue') {
  if (!isUuid(id)) throw new NotFoundError('We could not find that enquiry.');
  const [row] = await db.select({ enquiry: enquiries, line: recognisedCallers }).from(enquiries)
    .leftJoin(recognisedCallers, eq(enquiries.recognisedCallerId, recognisedCallers.id)).where(eq(enquiries.id, id));
  if (!row) throw new NotFoundError('We could not find that enquiry.');
  const allowed = purpose === 'read' ? mayReadEnquiry(actor, row.enquiry.takenBy) : mayContinueEnquiry(actor, row.enquiry.takenBy);
  if (!allowed) throw new ForbiddenError('Only the person who took this enquiry can continue it.');
  if (purpose === 'continue' && row.enquiry.status !== 'open') throw new ConflictError('This enquiry has been closed: start a new one for a new question.');
  return row;
}
