import type { Database } from '../../db/client.js';
import { conferenceStatusHistory } from '../../db/schema/index.js';
import { tellInvitees } from './tell-invitees.js';
import { mayBook } from '../../policies/booking.js';
import { auditForChildren } from '../audit/audit-children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError, type FieldError } from '../shared/errors.js';
import type { BookingResult } from './book-conference.js';
import { warningsOf, type BookingInput } from './common.js';
import { checkSlotChange, takeSlot } from './slot-change.js';

/** CV7: why, and who was consulted; both are kept in the history and shared with those invited. */
export interface ChangeReason {
  reason: string;
  consulted: string;
}

export function requireReason(input: ChangeReason): void {
  const errors: FieldError[] = [];
  if (!input.reason.trim()) errors.push({ field: 'reason', message: 'Enter the reason: conferences are only moved or cancelled in exceptional circumstances' });
  if (!input.consulted.trim()) errors.push({ field: 'consulted', message: 'Enter who was consulted (for example the chair, the social worker and the family)' });
  if (errors.length > 0) throw new ValidationError(errors);
}

/**
 * CV7: a new date, time, chair, room or format for a booked conference. Invitations already sent
 * must go again, so the status returns to booked. The old booking stays in the history.
 */
export async function rearrangeConference(db: Database, context: ActionContext, conferenceId: string, input: BookingInput & ChangeReason): Promise<BookingResult> {
  if (!mayBook(context.actor)) throw new ForbiddenError('Only business support can rearrange conferences.');
  requireReason(input);
  const change = await checkSlotChange(db, conferenceId, context.now, 'rearrange', input);
  const { booking, to, findings, columns } = change;
  const { conference } = booking;
  await db.transaction(async (tx) => {
    await takeSlot(tx, change, input);
    const before = { start: conference.scheduledStart?.toISOString() ?? null, chairId: conference.chairId, roomId: conference.roomId, format: conference.format };
    const after = { start: columns.scheduledStart.toISOString(), chairId: input.chairId, roomId: columns.roomId, format: input.format };
    await tx.insert(conferenceStatusHistory).values({
      conferenceId, fromStatus: conference.status, toStatus: to, event: 'rearrange', at: context.now, by: context.actor?.id ?? null,
      reason: input.reason.trim(), consulted: input.consulted.trim(), details: { before, after, findings: warningsOf(findings) },
    });
    if (conference.status === 'invitations-sent') {
      await tellInvitees(tx, conferenceId, { kind: 'rearranged', was: conference.scheduledStart, now: columns.scheduledStart, reason: input.reason.trim() }, context.now, context.actor?.id ?? null);
    }
    await auditForChildren(tx, context, booking.subjects.map((s) => s.childId), {
      action: 'conference-rearranged', recordType: 'conference', recordId: conferenceId, reason: input.reason.trim(), details: { before, after },
    });
  });
  return { conferenceId, status: to, scheduledStart: columns.scheduledStart, chairId: input.chairId, roomId: columns.roomId, format: input.format, findings };
}
