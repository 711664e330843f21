import { asc, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  agencyConferenceRequests, assessments, organisations, section47Enquiries, strategyDiscussionChildren, strategyDiscussions,
} from '../../db/schema/index.js';
import { loadCase, loadReferral } from '../shared/load-records.js';

/** Everything the front door has recorded for one child's episode, oldest first. */
export async function loadCaseFrontDoor(db: Queryable, caseId: string) {
  const episode = await loadCase(db, caseId);
  const referral = await loadReferral(db, caseId);
  const assessmentRows = await db.select().from(assessments).where(eq(assessments.caseId, caseId)).orderBy(asc(assessments.startedOn), asc(assessments.createdAt));
  const discussions = await db
    .select({ discussion: strategyDiscussions })
    .from(strategyDiscussionChildren)
    .innerJoin(strategyDiscussions, eq(strategyDiscussionChildren.strategyDiscussionId, strategyDiscussions.id))
    .where(eq(strategyDiscussionChildren.caseId, caseId))
    .orderBy(asc(strategyDiscussions.heldAt));
  const enquiries = await db.select().from(section47Enquiries).where(eq(section47Enquiries.caseId, caseId)).orderBy(asc(section47Enquiries.startedOn), asc(section47Enquiries.createdAt));
  const requests = await db
    .select({ request: agencyConferenceRequests, organisationName: organisations.name })
    .from(agencyConferenceRequests)
    .leftJoin(organisations, eq(agencyConferenceRequests.organisationId, organisations.id))
    .where(eq(agencyConferenceRequests.caseId, caseId))
    .orderBy(desc(agencyConferenceRequests.receivedAt));
  return {
    ...episode,
    referral,
    assessments: assessmentRows,
    discussions: discussions.map((d) => d.discussion),
    enquiries,
    agencyRequests: requests.map((r) => ({ ...r.request, organisationName: r.organisationName })),
  };
}
