import type { Database } from '../../db/client.js';
import { conferenceStatusHistory } from '../../db/schema/index.js';
import { mayBook } from '../../policies/booking.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError } from '../shared/errors.js';
import { updateIfUnchanged } from './common.js';
import { requireReason, type ChangeReason } from './rearrange-conference.js';
import { tellInvitees } from './tell-invitees.js';
import { transition } from '../shared/conference-transition.js';

/** CV7: cancelling needs the reason and who was consulted; the booking details stay for the record. */
export async function cancelConference(db: Database, context: ActionContext, conferenceId: string, input: ChangeReason & { version?: number | undefined }): Promise<void> {
  if (!mayBook(context.actor)) throw new ForbiddenError('Only business support can cancel conferences.');
  requireReason(input);
  const { conference, subjects } = await loadConferenceWithChildren(db, conferenceId);
  const to = transition(conference.status, 'cancel');
  await db.transaction(async (tx) => {
    await updateIfUnchanged(tx, conference, input.version ?? conference.version, { status: to });
    await tx.insert(conferenceStatusHistory).values({
      conferenceId, fromStatus: conference.status, toStatus: to, event: 'cancel', at: context.now, by: context.actor?.id ?? null,
      reason: input.reason.trim(), consulted: input.consulted.trim(),
      details: { scheduledStart: conference.scheduledStart?.toISOString() ?? null, chairId: conference.chairId, roomId: conference.roomId },
    });
    if (conference.status === 'invitations-sent') await tellInvitees(tx, conferenceId, { kind: 'cancelled', was: conference.scheduledStart, reason: input.reason.trim() }, context.now, context.actor?.id ?? null);
    await auditForChildren(tx, context, subjects.map((s) => s.childId), {
      action: 'conference-cancelled', recordType: 'conference', recordId: conferenceId, reason: input.reason.trim(),
    });
  });
}
