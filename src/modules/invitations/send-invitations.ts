import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferences, conferenceStatusHistory, invitations, outboxMessages } from '../../db/schema/index.js';
import { nextStatus, TransitionError, type ConferenceStatus } from '../../domain/conference/transitions.js';
import { contactProblem, observerCleared, type ContactProblem } from '../../domain/invitations/editing.js';
import { isLate, reviewInvitationsDue, type Timing } from '../../domain/invitations/timing.js';
import { icsContentType } from '../../documents/invitation-ics.js';
import { leafletsFor } from '../../documents/invitation-letter.js';
import { bilingualLine } from '../../documents/family-language.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { mayManageInvitations } from '../../policies/invitations.js';
import { attachment, enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { auditForChildren, loadInvitationState, timingForConference, type InvitationState } from './invitation-state.js';
import { calendarFile, calendarSequences, conferenceReference, coordinatorOf, invitationEmailBody, letterDocument, letterFacts } from './letters.js';
import { bumpVersion, updateAtVersion } from '../shared/versioned-update.js';
import { issueReportLink, reportLinkWords, withoutAccounts, type SendOptions } from '../report-links/issue-report-link.js';

export interface SendResult {
  sent: number;
  /** IN3: confirmed invitees whose letter could not go (no address): listed with the fix, not blocking the rest. */
  held: ContactProblem[];
  emailed: number;
  posted: number;
  byHand: number;
  /** TS19 for a review: the latest day, and whether today is after it. */
  reviewDue: Timing;
  late: boolean;
}

/** TS19: when review invitations should have gone, for the confirmation page and the send itself. */
export async function reviewTiming(db: Database, state: InvitationState): Promise<Timing> {
  return timingForConference(db, state, reviewInvitationsDue);
}

/**
 * IN3: sends every confirmed invitation that has its address, in one transaction. Email invitees
 * get the letter (PDF) and a calendar file through the outbox; letters by post wait in the outbox
 * for business support to print them as one batch (print-letters.ts); letters by hand are recorded
 * as handed to the social worker. The outbox row is the copy kept for the child's record. An
 * invitee without an address does not hold back the others: they stay confirmed and are returned
 * in `held`, with the fix, to be sent once the address is added. The conference moves to
 * "invitations sent" through the transitions table.
 */
export async function sendInvitations(db: Database, context: ActionContext, conferenceId: string, options: SendOptions = {}): Promise<SendResult> {
  if (!mayManageInvitations(context.actor) || !context.actor) throw new ForbiddenError();
  const actorId = context.actor.id;
  const state = await loadInvitationState(db, conferenceId);
  const from = state.conference.status as ConferenceStatus;
  let to: ConferenceStatus;
  try {
    to = nextStatus(from, 'send-invitations');
  } catch (error) {
    if (error instanceof TransitionError) throw new ConflictError(error.message);
    throw error;
  }
  const start = state.conference.scheduledStart;
  if (!start) throw new ConflictError('The conference has no date yet: book it before sending invitations.');
  const confirmed = state.invitations.filter((i) => i.state === 'confirmed' && observerCleared(i));
  if (confirmed.length === 0) throw new ConflictError('Nobody is confirmed and waiting for an invitation. Confirm the checklist first.');
  const held = confirmed.map(contactProblem).filter((p) => p !== null);
  const ready = confirmed.filter((i) => !held.some((p) => p.invitationId === i.id));
  if (ready.length === 0) throw new ValidationError(held.map((p) => ({ field: `invitation-${p.invitationId}`, message: p.message })));

  const coordinator = await coordinatorOf(db, actorId);
  const facts = await letterFacts(db, state, context.now);
  const reviewDue = await reviewTiming(db, state);
  const late = isLate(reviewDue, londonIsoDate(context.now));
  // Issue 17: a professional invited by email who has no account gets a report link.
  const linkFor = await withoutAccounts(db, ready);
  const sequences = await calendarSequences(db, ready.map((i) => i.id));
  const letters = await Promise.all(ready.map(async (i) => ({ invitation: i, pdf: await renderPdf(letterDocument(state, i, coordinator, facts)), sequence: sequences.get(i.id) ?? 0 })));

  return db.transaction(async (tx) => {
    await updateAtVersion(
      tx, conferences, { id: conferenceId, version: state.conference.version }, { status: to },
      () => new ConflictError('The conference changed while you were sending (perhaps it was rearranged). Check it and send again.'),
    );
    await tx.insert(conferenceStatusHistory).values({ conferenceId, fromStatus: from, toStatus: to, event: 'send-invitations', at: context.now, by: actorId, details: { invitations: ready.length, held: held.length, late } });
    const result: SendResult = { sent: 0, held, emailed: 0, posted: 0, byHand: 0, reviewDue, late };
    const reference = conferenceReference(conferenceId);
    for (const { invitation: i, pdf, sequence } of letters) {
      const filename = `invitation-${londonIsoDate(start)}-${i.id.slice(0, 8)}.pdf`;
      const letter = attachment(filename, 'application/pdf', pdf);
      const email = i.channel === 'secure-email';
      const ics = email ? calendarFile(state, i, coordinator, context.now, { sequence, language: facts.languages.get(i.id) }) : null;
      const reportLink = linkFor.has(i.id) ? `\n\n${reportLinkWords(options.siteAddress, await issueReportLink(tx, i.id, start, context.now))}` : '';
      const outboxId = await enqueueMessage(tx, {
        channel: email ? 'email' : 'post',
        toName: i.name,
        toAddress: email ? (i.email ?? '') : i.channel === 'post' ? (i.postalAddress ?? '') : 'By hand, through the social worker',
        // Issue 14: a family member with their own language reads the subject in it first.
        subject: bilingualLine(facts.languages.get(i.id), (tr) => tr.t('email.invitationSubject', { when: tr.when(start), reference })),
        bodyText: invitationEmailBody({ name: i.name, when: start, email, leaflets: leafletsFor(i.inviteeKind), replyBy: facts.replyBy, reference, reportLink, coordinator, young: i.inviteeKind === 'child' }, facts.languages.get(i.id)),
        attachments: ics ? [letter, attachment(`conference-${londonIsoDate(start)}.ics`, icsContentType(ics), ics)] : [letter],
        relatedType: 'invitation',
        relatedId: i.id,
        conferenceId,
      }, context.now);
      if (i.channel === 'post') {
        // Nobody's machine posts a letter: it waits for business support to print the batch and post it first class.
        await tx.update(outboxMessages).set({ status: 'to-print' }).where(eq(outboxMessages.id, outboxId));
      } else if (!email) {
        // By hand: the social worker takes it; recorded as handed over now.
        await tx.update(outboxMessages).set({ status: 'posted', sentAt: context.now, attempts: 1 }).where(eq(outboxMessages.id, outboxId));
      }
      // Guarded by its state rather than its version: any confirmed invitation in the list may go.
      const [sent] = await bumpVersion(tx, invitations, and(eq(invitations.id, i.id), eq(invitations.state, 'confirmed')), { state: 'sent', sentAt: context.now });
      if (!sent) throw new ConflictError('Someone else sent or changed these invitations just now. Check the list before sending again.');
      result.sent += 1;
      if (email) result.emailed += 1;
      else if (i.channel === 'post') result.posted += 1;
      else result.byHand += 1;
    }
    await auditForChildren(tx, context, state, {
      action: 'invitations-sent', recordType: 'conference', recordId: conferenceId,
      details: { reportLinks: linkFor.size, sent: result.sent, emailed: result.emailed, posted: result.posted, byHand: result.byHand, lateForTs19: late, invitationIds: ready.map((i) => i.id), heldIds: held.map((p) => p.invitationId) },
    });
    return result;
  });
}
