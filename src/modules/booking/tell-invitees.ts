import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { formatDateTime } from '../../domain/deadlines/index.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { londonDateTimeOf } from '../front-door/london-time.js';

function london(start: Date): string {
  return formatDateTime(londonDateTimeOf(start));
}

/**
 * CV7: once invitations have gone, everyone sent one is told of a cancellation or a new date, with
 * the reason, the same way their invitation went (email, or post first class). Inside the caller's
 * transaction, so the change and the notices stand or fall together. After a new date the
 * invitations return to confirmed, so business support sends them again. Children are not named: the
 * message may be read outside a secure system.
 */
export async function tellInvitees(
  tx: Queryable,
  conferenceId: string,
  change: { kind: 'cancelled' | 'rearranged'; was: Date | null; now?: Date; reason: string },
  at: Date,
): Promise<number> {
  const sent = await tx.select().from(invitations).where(and(eq(invitations.conferenceId, conferenceId), eq(invitations.state, 'sent')));
  let queued = 0;
  for (const i of sent) {
    const channel = i.channel === 'secure-email' && i.email ? 'email' : i.postalAddress ? 'post' : null;
    const address = channel === 'email' ? i.email : i.postalAddress;
    if (!channel || !address) continue;
    const when = change.was ? ` on ${london(change.was)}` : '';
    const body = change.kind === 'cancelled'
      ? `Dear ${i.name},\n\nThe child protection conference you were invited to${when} is cancelled.\nWhy: ${change.reason}\n\nWe will write again if a new conference is arranged.`
      : `Dear ${i.name},\n\nThe child protection conference you were invited to${when} has moved${change.now ? ` to ${london(change.now)}` : ''}.\nWhy: ${change.reason}\n\nA new invitation with the details follows.`;
    await enqueueMessage(tx, {
      channel, toName: i.name, toAddress: address,
      subject: change.kind === 'cancelled' ? 'Child protection conference cancelled' : 'Child protection conference: new date',
      bodyText: body, relatedType: `conference-${change.kind}`, relatedId: i.id, conferenceId,
    }, at);
    queued += 1;
  }
  if (change.kind === 'rearranged') {
    // The new date needs a new invitation and a new answer: back to confirmed, ready to send again.
    await tx.update(invitations).set({ state: 'confirmed', response: null, respondedAt: null, version: sql`${invitations.version} + 1` })
      .where(and(eq(invitations.conferenceId, conferenceId), eq(invitations.state, 'sent')));
  }
  return queued;
}
