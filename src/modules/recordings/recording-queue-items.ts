import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, invitations, recordingReleaseRequests } from '../../db/schema/index.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { undatedItem, type WorkItem } from '../work-queues/work-item.js';

/** RC5: requests for the recording of a conference this chair chaired, on their "My work" until answered. */
export async function recordingRequestItems(db: Queryable, chairId: string): Promise<WorkItem[]> {
  const rows = await db
    .select({ r: recordingReleaseRequests, name: invitations.name })
    .from(recordingReleaseRequests)
    .innerJoin(conferences, eq(conferences.id, recordingReleaseRequests.conferenceId))
    .innerJoin(invitations, eq(invitations.id, recordingReleaseRequests.invitationId))
    .where(and(eq(recordingReleaseRequests.status, 'pending'), eq(conferences.chairId, chairId)))
    .orderBy(asc(recordingReleaseRequests.requestedOn))
    .limit(50);
  return rows.map(({ r, name }) => undatedItem({ title: `Recording asked for: ${name}`, detail: `Asked on ${formatDate(r.requestedOn)}`, href: `/conferences/${r.conferenceId}/recordings`, childIds: [] }, r.requestedOn));
}
