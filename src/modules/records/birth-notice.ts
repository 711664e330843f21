import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceChildren, conferences, invitations } from '../../db/schema/index.js';
import { birthNotice } from '../../domain/plans/unborn.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';

/**
 * UB1 (`000` § 8 Unborn Baby): once the birth is recorded, every partner-agency professional invited
 * to a conference about the child (the pre-birth conference, the plan's reviews) is told the name and
 * date of birth through the outbox, once per address, so that it goes on their records too.
 */
export async function noticeBirthToAgencies(tx: Queryable, context: ActionContext, childId: string, f: { childName: string; dateOfBirth: string; formerly: string }): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ name: invitations.name, email: invitations.email })
    .from(invitations)
    .innerJoin(conferences, eq(invitations.conferenceId, conferences.id))
    .innerJoin(conferenceChildren, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(
      eq(conferenceChildren.childId, childId), eq(invitations.inviteeKind, 'professional'), inArray(invitations.state, ['sent', 'confirmed']),
      isNotNull(invitations.email), ne(conferences.status, 'cancelled'),
    ));
  const sentTo = new Set<string>();
  for (const r of rows) {
    const address = r.email!.trim().toLowerCase();
    if (address === '' || sentTo.has(address)) continue;
    sentTo.add(address);
    const notice = birthNotice({ recipientName: r.name, ...f });
    await enqueueMessage(tx, { channel: 'email', toName: r.name, toAddress: r.email!, subject: notice.subject, bodyText: notice.body, relatedType: 'birth-notice', relatedId: childId }, context.now);
  }
  return [...sentTo];
}
