import { and, desc, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { enquiries } from '../../db/schema/index.js';
import { unknownChildKey } from '../../domain/enquiry/notices.js';
import { foldText } from '../../domain/matching/normalise.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { loadEnquiry } from './load-enquiry.js';

export interface EarlierEnquiry {
  id: string;
  startedAt: Date;
  callerAgency: string;
  advice: string | null;
}

/**
 * RG4: no child the search showed is the one asked about. The enquiry becomes the contact record,
 * with the advice given. If the same child (by name and date of birth) was asked about before and
 * not found, the enquirer is told of that enquiry and the designated manager sees both on their
 * queue, to consider whether this is a child in need.
 */
export async function recordUnknownChild(db: Database, context: ActionContext, enquiryId: string, adviceRaw: unknown): Promise<{ earlier: EarlierEnquiry | null }> {
  const { enquiry } = await loadEnquiry(db, context.actor, enquiryId, 'continue');
  const advice = typeof adviceRaw === 'string' ? adviceRaw.replaceAll('\0', '').trim() : '';
  if (!advice) throw new ValidationError([{ field: 'advice', message: 'Write the advice you gave the caller, for example to make a referral to children’s services' }]);
  if (advice.length > 5000) throw new ValidationError([{ field: 'advice', message: 'Enter at most 5000 characters' }]);
  const question = enquiry.questions.at(-1);
  if (!question) throw new ValidationError([{ field: 'advice', message: 'Search for the child first, so the record says who was asked about' }]);
  const key = unknownChildKey(question, foldText);
  return db.transaction(async (tx) => {
    const [earlier] = await tx.select({ id: enquiries.id, startedAt: enquiries.startedAt, callerAgency: enquiries.callerAgency, advice: enquiries.advice })
      .from(enquiries)
      .where(and(eq(enquiries.organisationId, enquiry.organisationId), eq(enquiries.unknownKey, key), eq(enquiries.status, 'unknown-child'), ne(enquiries.id, enquiryId)))
      .orderBy(desc(enquiries.startedAt)).limit(1);
    const [claimed] = await tx.update(enquiries).set({
      status: 'unknown-child', unknownKey: key, advice, earlierEnquiryId: earlier?.id ?? null, closedAt: context.now,
      notices: earlier ? [{ kind: 'repeat-unknown', userId: null, childId: null, outboxMessageId: null }] : [],
    }).where(and(eq(enquiries.id, enquiryId), eq(enquiries.status, 'open'))).returning({ id: enquiries.id });
    if (!claimed) throw new ConflictError('This enquiry has already been closed.');
    await recordAudit(tx, context, { action: 'enquiry-unknown-child-recorded', recordType: 'enquiry', recordId: enquiryId, details: { question, advice, earlierEnquiryId: earlier?.id ?? null } });
    return { earlier: earlier ?? null };
  });
}

/** A caller who rings off: the enquiry is closed and what was shown stays on record. */
export async function abandonEnquiry(db: Database, context: ActionContext, enquiryId: string): Promise<void> {
  await loadEnquiry(db, context.actor, enquiryId, 'continue');
  await db.transaction(async (tx) => {
    const [claimed] = await tx.update(enquiries).set({ status: 'abandoned', closedAt: context.now })
      .where(and(eq(enquiries.id, enquiryId), eq(enquiries.status, 'open'))).returning({ id: enquiries.id });
    if (!claimed) throw new ConflictError('This enquiry has already been closed.');
    await recordAudit(tx, context, { action: 'enquiry-abandoned', recordType: 'enquiry', recordId: enquiryId });
  });
}
