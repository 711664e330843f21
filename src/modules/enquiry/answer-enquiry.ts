import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { enquiries, type EnquiryNotice } from '../../db/schema/index.js';
import { enquiryAnswer } from '../../domain/enquiry/answer.js';
import { formatPhone } from '../../domain/enquiry/caller.js';
import { noticesForAnswer } from '../../domain/enquiry/notices.js';
import { formatDateTime } from '../../domain/deadlines/index.js';
import { recordAudit } from '../audit/record-audit.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { loadEnquiryFacts } from './enquiry-facts.js';
import { loadEnquiry } from './load-enquiry.js';

/**
 * RG3/RG4: the enquirer chooses one of the children they were shown; the answer is built from the
 * records, kept exactly as shown, and the lead social workers concerned are told at once (their
 * work queue lists the enquiry, and an email goes through the outbox). Answered once.
 */
export async function answerEnquiry(db: Database, context: ActionContext, enquiryId: string, childId: string): Promise<string[]> {
  const { enquiry } = await loadEnquiry(db, context.actor, enquiryId, 'continue');
  if (!enquiry.shown.some((s) => s.personId === childId)) {
    throw new ValidationError([{ field: 'childId', message: 'Choose one of the children the search showed you' }]);
  }
  const loaded = await loadEnquiryFacts(db, childId, enquiry.organisationId);
  if (!loaded) throw new NotFoundError('We could not find that child.');
  const answer = enquiryAnswer(loaded.facts);
  const due = noticesForAnswer({ childId, caseOpen: loaded.caseOpen, leadSocialWorkerId: loaded.leadSocialWorker?.id ?? null, plansAtAddress: loaded.plansAtAddress });
  const when = formatDateTime(londonDateTimeOf(context.now));
  const caller = `${enquiry.callerName}, ${enquiry.callerRole}, ${enquiry.callerAgency} (call back on ${formatPhone(enquiry.callbackNumber)})`;

  return db.transaction(async (tx) => {
    // Claimed first, so two clicks (or two tabs) answer once and tell each worker once.
    const [claimed] = await tx.update(enquiries).set({ status: 'answered', childId, answer, closedAt: context.now })
      .where(and(eq(enquiries.id, enquiryId), eq(enquiries.status, 'open'))).returning({ id: enquiries.id });
    if (!claimed) throw new ConflictError('This enquiry has already been answered.');
    // One email per worker, however many of their children the enquiry touches.
    const byWorker = new Map<string, { email: string | null; name: string | null; about: string[] }>();
    for (const n of due) {
      if (!n.userId) continue;
      const atAddress = loaded.plansAtAddress.find((p) => p.childId === n.childId);
      const worker = n.kind === 'open-case'
        ? { email: loaded.leadSocialWorker?.email ?? null, name: loaded.leadSocialWorker?.name ?? null }
        : { email: atAddress?.leadEmail ?? null, name: atAddress?.leadName ?? null };
      const entry = byWorker.get(n.userId) ?? { ...worker, about: [] };
      entry.about.push(n.kind === 'open-case' ? 'whose case you hold' : `who lives at the same address as ${atAddress?.childName ?? 'a child you lead'}, who is on a plan`);
      byWorker.set(n.userId, entry);
    }
    const messageFor = new Map<string, string>();
    for (const [userId, w] of byWorker) {
      if (!w.email) continue;
      messageFor.set(userId, await enqueueMessage(tx, {
        channel: 'email', toName: w.name ?? 'Lead social worker', toAddress: w.email,
        subject: `Enquiry about ${loaded.facts.name} from ${enquiry.callerAgency}`,
        bodyText: `At ${when} the enquiry service was asked about ${loaded.facts.name}, ${w.about.join(', and ')}.\n\nCaller: ${caller}.\n\nOpen Convene to see the enquiry and decide whether anything needs to be done.`,
        relatedType: 'enquiry', relatedId: enquiryId,
      }, context.now));
    }
    const notices: EnquiryNotice[] = due.map((n) => ({ kind: n.kind, userId: n.userId, childId: n.childId, outboxMessageId: n.userId ? (messageFor.get(n.userId) ?? null) : null }));
    await tx.update(enquiries).set({ notices }).where(eq(enquiries.id, enquiryId));
    await recordAudit(tx, context, { action: 'enquiry-answered', recordType: 'enquiry', recordId: enquiryId, childId, details: { answer, notices: notices.map((n) => n.kind) } });
    for (const n of notices.filter((x) => x.childId && x.childId !== childId)) {
      await recordAudit(tx, context, { action: 'enquiry-notice-raised', recordType: 'enquiry', recordId: enquiryId, childId: n.childId, details: { kind: n.kind } });
    }
    return answer;
  });
}
