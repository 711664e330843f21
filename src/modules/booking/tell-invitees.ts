import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, invitations } from '../../db/schema/index.js';
import { icsContentType } from '../../documents/invitation-ics.js';
import { bilingualBody, translator, type FamilyLanguage } from '../../documents/family-language.js';
import { whenText } from '../../documents/invitation-letter.js';
import { cancellationFile, coordinatorOf } from '../invitations/letters.js';
import { familyLanguagesFor } from '../invitations/family-languages.js';
import { attachment, enqueueMessage } from '../outbox/enqueue-message.js';
import { bumpVersion } from '../shared/versioned-update.js';

/** "Thursday 5 March 2026 at 10:00", London time: never an ISO date in a message people read. */
function london(start: Date): string {
  return whenText(start);
}

type Change = { kind: 'cancelled' | 'rearranged'; was: Date | null; now?: Date; reason: string };

/**
 * A family member who reads another language (issue 14) gets the notice in it first, then in
 * English, as their invitation came: the subject "Polish / English", the body in Polish, then the
 * English below. The reason stays as the organiser typed it, and says so.
 */
function inTheirLanguage(language: FamilyLanguage | undefined, name: string, change: Change, english: { subject: string; body: string }): { subject: string; body: string } {
  if (language?.kind !== 'translated') return english;
  const tr = translator(language.code);
  const was = change.was ? tr.when(change.was) : null;
  const now = change.now ? tr.when(change.now) : null;
  const subject = change.kind === 'cancelled'
    ? (was ? tr.t('email.cancelledSubjectOn', { when: was }) : tr.t('email.cancelledSubject'))
    : (now ? tr.t('email.rearrangedSubjectTo', { when: now }) : tr.t('email.rearrangedSubject'));
  const what = change.kind === 'cancelled'
    ? (was ? tr.t('email.cancelledBody', { when: was }) : tr.t('email.cancelledBodyUndated'))
    : (was && now ? tr.t('email.rearrangedBody', { was, now }) : now ? tr.t('email.rearrangedBodyTo', { now }) : tr.t('email.rearrangedBodyUndated'));
  const next = tr.t(change.kind === 'cancelled' ? 'email.cancelledNext' : 'email.rearrangedNext');
  const own = `${tr.t('common.dear', { name })}\n\n${what}\n${tr.t('email.why', { reason: change.reason })}\n\n${next}`;
  return { subject: `${subject} / ${english.subject}`, body: bilingualBody(language, () => own, english.body) };
}

/**
 * CV7: once invitations have gone, everyone sent one is told of a cancellation or a new date, with
 * the reason, the same way their invitation went (email, or post first class). Inside the caller's
 * transaction, so the change and the notices stand or fall together. After a new date the
 * invitations return to confirmed, so business support sends them again (the new calendar file
 * keeps the UID with a higher SEQUENCE, replacing the old entry). A cancellation by email carries
 * a METHOD:CANCEL calendar file, so the entry leaves the invitee's calendar. Children are not
 * named: the message may be read outside a secure system.
 */
export async function tellInvitees(
  tx: Queryable,
  conferenceId: string,
  change: Change,
  at: Date,
  actorId: string | null = null,
): Promise<number> {
  const sent = await tx.select().from(invitations).where(and(eq(invitations.conferenceId, conferenceId), eq(invitations.state, 'sent')));
  const [conference] = await tx.select({ id: conferences.id, slotMinutes: conferences.slotMinutes }).from(conferences).where(eq(conferences.id, conferenceId));
  const organiser = await coordinatorOf(tx, actorId);
  // Issue 14: the family's calendar entry in their language first.
  const languages = await familyLanguagesFor(tx, conferenceId);
  let queued = 0;
  for (const i of sent) {
    const channel = i.channel === 'secure-email' && i.email ? 'email' : i.postalAddress ? 'post' : null;
    const address = channel === 'email' ? i.email : i.postalAddress;
    if (!channel || !address) continue;
    const when = change.was ? ` on ${london(change.was)}` : '';
    const body = change.kind === 'cancelled'
      ? `Dear ${i.name},\n\nThe child protection conference you were invited to${when} is cancelled.\nWhy: ${change.reason}\n\nWe will write again if a new conference is arranged.`
      : `Dear ${i.name},\n\nThe child protection conference you were invited to${when} has moved${change.now ? ` to ${london(change.now)}` : ''}.\nWhy: ${change.reason}\n\nA new invitation with the details follows.`;
    const ics = change.kind === 'cancelled' && channel === 'email' && change.was && conference
      ? await cancellationFile(tx, conference, i, change.was, organiser, at, languages.get(i.id))
      : null;
    const notice = inTheirLanguage(languages.get(i.id), i.name, change, {
      subject: change.kind === 'cancelled' ? `Child protection conference cancelled${when}` : `Child protection conference: new date${change.now ? `, ${london(change.now)}` : ''}`,
      body,
    });
    await enqueueMessage(tx, {
      channel, toName: i.name, toAddress: address,
      subject: notice.subject,
      bodyText: notice.body, relatedType: `conference-${change.kind}`, relatedId: i.id, conferenceId,
      ...(ics ? { attachments: [attachment('conference-cancelled.ics', icsContentType(ics), ics)] } : {}),
    }, at);
    queued += 1;
  }
  if (change.kind === 'rearranged') {
    // The new date needs a new invitation and a new answer: back to confirmed, ready to send again.
    await bumpVersion(tx, invitations, and(eq(invitations.conferenceId, conferenceId), eq(invitations.state, 'sent')), { state: 'confirmed', response: null, respondedAt: null });
  }
  return queued;
}
