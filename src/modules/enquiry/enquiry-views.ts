import { desc, eq, gte } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { enquiries, people } from '../../db/schema/index.js';
import { formatPhone } from '../../domain/enquiry/caller.js';
import { recordAudit } from '../audit/record-audit.js';
import { childName } from '../shared/load-records.js';
import type { ActionContext } from '../shared/action-context.js';
import { loadEnquiry } from './load-enquiry.js';

/** One enquiry as its page shows it; reading an answered enquiry is a read of that child's record. */
export async function enquiryForPage(db: Queryable, context: ActionContext, id: string) {
  const { enquiry, line } = await loadEnquiry(db, context.actor, id, 'read');
  const [child] = enquiry.childId ? await db.select().from(people).where(eq(people.id, enquiry.childId)) : [];
  const [earlier] = enquiry.earlierEnquiryId ? await db.select().from(enquiries).where(eq(enquiries.id, enquiry.earlierEnquiryId)) : [];
  if (enquiry.childId) await recordAudit(db, context, { action: 'enquiry-viewed', recordType: 'enquiry', recordId: enquiry.id, childId: enquiry.childId });
  return { enquiry, line, child: child ? childName(child) : null, earlier: earlier ?? null, callback: formatPhone(enquiry.callbackNumber) };
}

/** The designated manager's log: this authority's enquiries since a moment, newest first. */
export async function enquiriesSince(db: Queryable, since: Date) {
  const rows = await db.select({ e: enquiries, child: people }).from(enquiries).leftJoin(people, eq(enquiries.childId, people.id))
    .where(gte(enquiries.startedAt, since)).orderBy(desc(enquiries.startedAt)).limit(200);
  return rows.map((r) => ({ ...r.e, child: r.child ? childName(r.child) : null, callback: formatPhone(r.e.callbackNumber) }));
}
