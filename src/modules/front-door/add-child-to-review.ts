import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  childProtectionPlans, conferenceChildren, conferences, section47Enquiries, strategyDiscussionChildren,
  strategyDiscussions,
} from '../../db/schema/index.js';
import { childTypeAtReview, reviewSubjectRefusal } from '../../domain/front-door/convene-checks.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadCase } from '../shared/load-records.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export interface ReviewSubjectInput {
  caseId: string;
  likelyHarm: string;
  harmFrom: string;
}

const OPEN_FOR_CHANGES = ['awaiting-authorisation', 'requested', 'booked', 'invitations-sent'];

/**
 * CV1, CV3: a child added as a subject of a review conference already arranged for the
 * household. A child on a plan is a review subject; a new baby or newcomer is the initial
 * subject of the same meeting, but only after their own strategy discussion and section 47
 * enquiry — otherwise a new initial conference is needed.
 */
export async function addChildToReview(db: Database, context: ActionContext, conferenceId: string, input: ReviewSubjectInput): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { conference, subjects } = await loadConferenceWithChildren(db, conferenceId);
  if (conference.kind !== 'review' && conference.kind !== 'designated-review') throw new ConflictError('Children are added this way only to a review conference.');
  if (!OPEN_FOR_CHANGES.includes(conference.status)) throw new ConflictError('This conference can no longer take new subject children.');
  const { case: episode, child, name } = await loadCase(db, input.caseId);
  if (episode.householdId !== conference.householdId) throw new ValidationError([{ field: 'caseId', message: `${name} is not in this conference’s household` }]);
  if (subjects.some((s) => s.caseId === input.caseId)) throw new ConflictError(`${name} is already a subject of this conference.`);

  const [plan] = await db.select({ id: childProtectionPlans.id }).from(childProtectionPlans)
    .where(and(eq(childProtectionPlans.childId, child.id), isNull(childProtectionPlans.endDate)));
  const [discussion] = await db.select({ id: strategyDiscussions.id }).from(strategyDiscussionChildren)
    .innerJoin(strategyDiscussions, eq(strategyDiscussionChildren.strategyDiscussionId, strategyDiscussions.id))
    .where(and(eq(strategyDiscussionChildren.caseId, input.caseId), eq(strategyDiscussions.initiateSection47, true)));
  const [enquiry] = await db.select({ outcome: section47Enquiries.outcome }).from(section47Enquiries)
    .where(eq(section47Enquiries.caseId, input.caseId)).orderBy(desc(section47Enquiries.startedOn)).limit(1);
  const refusal = reviewSubjectRefusal({
    childName: name, onPlan: plan !== undefined, ownStrategyDiscussion: discussion !== undefined, ownSection47: enquiry ?? null,
  });
  if (refusal) throw new ValidationError([{ field: 'caseId', message: refusal }]);
  const childType = childTypeAtReview(plan !== undefined);

  await db.transaction(async (tx) => {
    // The conference is claimed at the version seen, so two people adding children cannot both win.
    await updateAtVersion(tx, conferences, conference, {}, () => new ConflictError('This conference changed while you were looking at it: check it again.'));
    const values = { role: 'subject', childType, likelyHarm: input.likelyHarm, harmFrom: input.harmFrom };
    const updated = await tx.update(conferenceChildren).set(values)
      .where(and(eq(conferenceChildren.conferenceId, conferenceId), eq(conferenceChildren.caseId, input.caseId))).returning({ id: conferenceChildren.id });
    if (updated.length === 0) await tx.insert(conferenceChildren).values({ conferenceId, caseId: input.caseId, childId: child.id, ...values });
    await auditForChildren(tx, context, [child.id], {
      action: 'conference-subject-added', recordType: 'conference', recordId: conferenceId, details: { childType },
    });
  });
}
