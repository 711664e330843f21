import type { Database } from '../../db/client.js';
import { conferenceStatusHistory } from '../../db/schema/index.js';
import type { BookingFinding } from '../../domain/booking/types.js';
import { mayBook } from '../../policies/booking.js';
import { auditForChildren } from '../audit/audit-children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError } from '../shared/errors.js';
import { warningsOf, type BookingInput } from './common.js';
import { checkSlotChange, takeSlot } from './slot-change.js';

export interface BookingResult {
  conferenceId: string;
  status: string;
  scheduledStart: Date;
  chairId: string;
  roomId: string | null;
  format: string;
  /** Warnings and prompts the booking went ahead with (CV4 continuity, TS4, CV6, TS30). */
  findings: BookingFinding[];
}

/**
 * Business support books a requested conference: date, time, chair, room and format, checked
 * against the diary and the rules (CV4, CV5, CV6, TS4, TS30). One transaction writes the booking,
 * the status history and an audit event per subject child.
 */
export async function bookConference(db: Database, context: ActionContext, conferenceId: string, input: BookingInput): Promise<BookingResult> {
  if (!mayBook(context.actor)) throw new ForbiddenError('Only business support can book conferences.');
  const change = await checkSlotChange(db, conferenceId, context.now, 'book', input);
  const { booking, to, findings, columns } = change;
  const { conference } = booking;
  await db.transaction(async (tx) => {
    await takeSlot(tx, change, input);
    await tx.insert(conferenceStatusHistory).values({
      conferenceId, fromStatus: conference.status, toStatus: to, event: 'book', at: context.now, by: context.actor?.id ?? null,
      details: { date: input.date, time: input.time, chairId: input.chairId, roomId: columns.roomId, format: input.format, findings: warningsOf(findings) },
    });
    await auditForChildren(tx, context, booking.subjects.map((s) => s.childId), {
      action: 'conference-booked', recordType: 'conference', recordId: conferenceId,
      details: { date: input.date, time: input.time, chairId: input.chairId, roomId: columns.roomId, format: input.format },
    });
  });
  return { conferenceId, status: to, scheduledStart: columns.scheduledStart, chairId: input.chairId, roomId: columns.roomId, format: input.format, findings };
}
