import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, invitations } from '../../db/schema/index.js';
import { icsContentType } from '../../documents/invitation-ics.js';
import { whenText } from '../../documents/invitation-letter.js';
import { cancellationFile, coordinatorOf } from '../invitations/letters.js';
import { familyLanguagesFor } from '../invitations/family-languages.js';
import { attachment, enqueueMessage } from '../outbox/enqueue-message.js';
import { bumpVersion } from '../shared/versioned-update.js';

/** "Thursday 5 March 2026 at 10:00", London time: never an ISO date in a message people read. */
function london(start: Date): string {
  return whenText(start);
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
  change: { kind: 'cancelled' | 'rearranged'; was: Date | null; now?: Date; reason: string },
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
    await enqueueMessage(tx, {
      channel, toName: i.name, toAddress: address,
      subject: change.kind === 'cancelled' ? `Child protection conference cancelled${when}` : `Child protection conference: new date${change.now ? `, ${london(change.now)}` : ''}`,
      bodyText: body, relatedType: `conference-${change.kind}`, relatedId: i.id, conferenceId,
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
