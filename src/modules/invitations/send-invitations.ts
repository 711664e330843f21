import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferences, conferenceStatusHistory, invitations, outboxMessages } from '../../db/schema/index.js';
import { nextStatus, TransitionError, type ConferenceStatus } from '../../domain/conference/transitions.js';
import type { ConferenceKind } from '../../domain/conference/kinds.js';
import { contactProblem, observerCleared } from '../../domain/invitations/editing.js';
import { isLate, reviewInvitationsDue, type Timing } from '../../domain/invitations/timing.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { leafletsFor, whenText } from '../../documents/invitation-letter.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { mayManageInvitations } from '../../policies/invitations.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { attachment, enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonDate } from './dates.js';
import { auditForChildren, loadInvitationState, type InvitationState } from './invitation-state.js';
import { calendarFile, coordinatorOf, letterDocument } from './letters.js';

export interface SendResult {
  sent: number;
  emailed: number;
  posted: number;
  byHand: number;
  /** TS19 for a review: the latest day, and whether today is after it. */
  reviewDue: Timing;
  late: boolean;
}

/** TS19: when review invitations should have gone, for the confirmation page and the send itself. */
export async function reviewTiming(db: Database, state: InvitationState): Promise<Timing> {
  const c = state.conference;
  if (!c.scheduledStart) return { kind: 'none' };
  return reviewInvitationsDue(c.pack as PackId, c.kind as ConferenceKind, londonDate(c.scheduledStart), await workingCalendar(db));
}

/**
 * IN3: sends every confirmed invitation in one transaction. Email invitees get the letter (PDF)
 * and a calendar file through the outbox; post and hand-delivered letters are recorded as posted
 * (first class) with the same PDF. The outbox row is the copy kept for the child's record. The
 * conference moves to "invitations sent" through the transitions table.
 */
export async function sendInvitations(db: Database, context: ActionContext, conferenceId: string): Promise<SendResult> {
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
  const problems = confirmed.map(contactProblem).filter((p) => p !== null);
  if (problems.length > 0) throw new ValidationError(problems.map((p) => ({ field: `invitation-${p.invitationId}`, message: p.message })));

  const coordinator = await coordinatorOf(db, actorId);
  const reviewDue = await reviewTiming(db, state);
  const late = isLate(reviewDue, londonDate(context.now));
  const when = whenText(start);
  const letters = await Promise.all(confirmed.map(async (i) => ({ invitation: i, pdf: await renderPdf(letterDocument(state, i, coordinator)) })));

  return db.transaction(async (tx) => {
    const [moved] = await tx
      .update(conferences)
      .set({ status: to, version: sql`${conferences.version} + 1` })
      .where(and(eq(conferences.id, conferenceId), eq(conferences.version, state.conference.version)))
      .returning({ id: conferences.id });
    if (!moved) throw new ConflictError('The conference changed while you were sending (perhaps it was rearranged). Check it and send again.');
    await tx.insert(conferenceStatusHistory).values({ conferenceId, fromStatus: from, toStatus: to, event: 'send-invitations', at: context.now, by: actorId, details: { invitations: confirmed.length, late } });
    const result: SendResult = { sent: 0, emailed: 0, posted: 0, byHand: 0, reviewDue, late };
    for (const { invitation: i, pdf } of letters) {
      const filename = `invitation-${londonDate(start)}-${i.id.slice(0, 8)}.pdf`;
      const letter = attachment(filename, 'application/pdf', pdf);
      const leaflets = leafletsFor(i.inviteeKind).map((l) => `“${l}”`).join(' and ');
      const email = i.channel === 'secure-email';
      const outboxId = await enqueueMessage(tx, {
        channel: email ? 'email' : 'post',
        toName: i.name,
        toAddress: email ? (i.email ?? '') : i.channel === 'post' ? (i.postalAddress ?? '') : 'By hand, through the social worker',
        subject: `Invitation: child protection conference on ${when}`,
        bodyText: `Dear ${i.name},\n\nYou are invited to a child protection conference on ${when}. The invitation letter is attached${email ? ', with a calendar entry' : ''}; it is confidential. The leaflet ${leaflets} goes with it.\n\n${coordinator.name}${coordinator.email ? `\n${coordinator.email}` : ''}`,
        attachments: email ? [letter, attachment(`conference-${londonDate(start)}.ics`, 'text/calendar; method=REQUEST; charset=utf-8', calendarFile(state, i, coordinator, context.now))] : [letter],
        relatedType: 'invitation',
        relatedId: i.id,
        conferenceId,
      }, context.now);
      if (!email) {
        // Nobody's machine sends a letter: printing and posting (first class) or handing it over is recorded now.
        await tx.update(outboxMessages).set({ status: 'posted', sentAt: context.now, attempts: 1 }).where(eq(outboxMessages.id, outboxId));
      }
      const [sent] = await tx
        .update(invitations)
        .set({ state: 'sent', sentAt: context.now, version: sql`${invitations.version} + 1` })
        .where(and(eq(invitations.id, i.id), eq(invitations.state, 'confirmed')))
        .returning({ id: invitations.id });
      if (!sent) throw new ConflictError('Someone else sent or changed these invitations just now. Check the list before sending again.');
      result.sent += 1;
      if (email) result.emailed += 1;
      else if (i.channel === 'post') result.posted += 1;
      else result.byHand += 1;
    }
    await auditForChildren(tx, context, state, {
      action: 'invitations-sent', recordType: 'conference', recordId: conferenceId,
      details: { sent: result.sent, emailed: result.emailed, posted: result.posted, byHand: result.byHand, lateForTs19: late, invitationIds: confirmed.map((i) => i.id) },
    });
    return result;
  });
}
