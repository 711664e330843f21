import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { exclusionRequests, outboxMessages } from '../../db/schema/index.js';
import { bilingualBody, type FamilyLanguage } from '../../documents/family-language.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { mayDistributeConferenceDocuments } from '../../policies/meeting.js';
import { auditForChildren } from '../audit/audit-children.js';
import { deliveryFor } from '../meeting/recipients.js';
import { attachment, enqueueMessage } from '../outbox/enqueue-message.js';
import { conferenceForReports } from '../reports/conference-access.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { exclusionLetter } from './exclusion-letter.js';
import { bumpVersion } from '../shared/versioned-update.js';

/** The covering email in the family member's language first, where the letter is (issue 14). */
function coveringNote(name: string, english: string, language: FamilyLanguage): string {
  return bilingualBody(language, (tr) => `${tr.t('common.dear', { name })}\n\n${tr.t('email.exclusionBody')}`, english);
}

/**
 * EX3: sends the letter to the family member the chair excluded, with the social work report, by
 * their invitation's channel through the outbox: email, or the letters-to-post batch. The sending
 * is kept on the decision (how, when, by whom, which outbox message), once.
 */
export async function sendExclusionLetter(db: Database, ctx: ActionContext, requestId: string): Promise<{ method: 'email' | 'post' }> {
  if (!mayDistributeConferenceDocuments(ctx.actor) || !ctx.actor) throw new ForbiddenError();
  const actorId = ctx.actor.id;
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new NotFoundError();
  const [request] = await db.select().from(exclusionRequests).where(eq(exclusionRequests.id, requestId));
  if (!request) throw new NotFoundError('We could not find that request.');
  const context = await conferenceForReports(db, ctx.actor, request.conferenceId);
  if (request.status !== 'excluded') throw new ConflictError('A letter is only sent once the chair has decided to exclude.');
  if (request.letterSentAt) throw new ConflictError('The letter has already been sent.');
  const invitation = context.invitations.find((i) => i.id === request.invitationId);
  if (!invitation) throw new NotFoundError('We could not find that family member’s invitation.');
  const delivery = deliveryFor(invitation);
  if (delivery.method === 'not-sent' || !delivery.address) {
    throw new ValidationError([{ field: 'letter', message: `We hold no postal or email address for ${invitation.name}. Add it to their invitation, then send the letter.` }]);
  }
  const { letter, enclosures, language } = await exclusionLetter(db, request, context);
  const english = `Dear ${invitation.name},\n\nPlease read the letter attached from the chair of the conference.`;
  const pdfs = [
    attachment('exclusion-letter.pdf', 'application/pdf', await renderPdf(letter)),
    ...(await Promise.all(enclosures.map(async (e, n) => attachment(`social-work-report-${n + 1}.pdf`, 'application/pdf', await renderPdf(e.doc))))),
  ];
  const method = delivery.method;
  await db.transaction(async (tx) => {
    const outboxId = await enqueueMessage(tx, {
      channel: method, toName: invitation.name, toAddress: delivery.address!,
      subject: letter.followedBy ? `${letter.title} / ${letter.followedBy.title}` : letter.title, bodyText: coveringNote(invitation.name, english, language),
      attachments: pdfs, relatedType: 'exclusion-letter', relatedId: request.id, conferenceId: request.conferenceId,
    }, ctx.now);
    // Post goes into business support's next printed batch (IN3), not to a mail server.
    if (method === 'post') await tx.update(outboxMessages).set({ status: 'to-print' }).where(eq(outboxMessages.id, outboxId));
    // Guarded by the letter not yet being sent: it goes once, whatever version was seen.
    const [row] = await bumpVersion(tx, exclusionRequests, and(eq(exclusionRequests.id, request.id), isNull(exclusionRequests.letterSentAt)), {
      letterOutboxId: outboxId, letterMethod: method, letterSentAt: ctx.now, letterSentBy: actorId,
    });
    if (!row) throw new ConflictError('The letter has already been sent.');
    await auditForChildren(tx, ctx, context.subjects.map((s) => s.childId), {
      action: 'exclusion-letter-sent', recordType: 'exclusion-request', recordId: request.id, details: { method, enclosures: enclosures.length },
    });
  });
  return { method };
}
