import type { Queryable } from '../../db/client.js';
import { formatDate } from '../../domain/deadlines/index.js';
import type { Actor } from '../../policies/roles.js';
import { section47SharingQueueRows } from '../front-door/load-section-47-sharing.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { datedItem, mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from './work-item.js';

/**
 * FD6 (`002` 2.78) on the social worker's list: "Share the section 47 outcome with the family"
 * until every parent, and the child once judged old enough to understand it, has the record. Where
 * an initial conference is booked, it is due the working day before the conference.
 */
export async function section47SharingItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  const rows = await section47SharingQueueRows(db, actor);
  return mostUrgentFirst(rows.map((r) => {
    const waiting = [
      ...(r.status.childJudgementNeeded ? [`decide whether ${r.childName} is old enough to receive it`] : []),
      ...(r.status.waitingFor.length ? [`still to share with ${r.status.waitingFor.join(', ')}`] : []),
    ];
    const item = { title: `Share the section 47 outcome with the family: ${r.childName}`, detail: `${waiting.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()), href: `/section-47/${r.enquiryId}/sharing`, childIds: [r.childId] };
    if (!r.conferenceStart) return undatedItem(item, r.outcomeRecordedAt?.toISOString() ?? '9999');
    const conferenceDay = londonDateOf(r.conferenceStart);
    let due = conferenceDay;
    try {
      due = ctx.calendar.addWorkingDays(conferenceDay, -1);
    } catch {
      // Outside the calendar's range: the conference day itself still stands.
    }
    return datedItem(ctx, due, `Due ${formatDate(due)}: the record of the section 47 outcome reaches the family before the initial conference on ${formatDate(conferenceDay)} (FD6).`, item);
  }));
}
