import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, exclusionRequests, invitations } from '../../db/schema/index.js';
import { formatDateTime } from '../../domain/deadlines/index.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { undatedItem, type WorkItem } from '../work-queues/work-item.js';

/**
 * EX3: each exclusion the chair decided whose letter has not gone, on the conference's chair's and
 * business support's "My work" until it is sent; soonest conference first.
 */
export async function exclusionLetterItems(db: Queryable, filter: { chairId?: string }): Promise<WorkItem[]> {
  const rows = await db
    .select({ id: exclusionRequests.id, conferenceId: exclusionRequests.conferenceId, name: invitations.name, start: conferences.scheduledStart })
    .from(exclusionRequests)
    .innerJoin(conferences, eq(conferences.id, exclusionRequests.conferenceId))
    .innerJoin(invitations, eq(invitations.id, exclusionRequests.invitationId))
    .where(and(eq(exclusionRequests.status, 'excluded'), isNull(exclusionRequests.letterSentAt), filter.chairId ? eq(conferences.chairId, filter.chairId) : undefined))
    .orderBy(asc(conferences.scheduledStart))
    .limit(50);
  return rows.map((r) =>
    undatedItem(
      { title: `Exclusion letter to send: ${r.name}`, detail: r.start ? `Conference ${formatDateTime(londonDateTimeOf(r.start))}` : undefined, href: `/conferences/${r.conferenceId}/exclusions`, childIds: [] }, // names the family member excluded, not a child
      r.start?.toISOString() ?? '9999',
    ),
  );
}
