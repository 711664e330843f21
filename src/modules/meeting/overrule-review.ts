import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { cases, conferenceChildren, conferences, conferenceStatusHistory, meetingDecisions, people, users } from '../../db/schema/index.js';
import { overruleNotice, overruleReviewProblems, overruleStage, type OverruleStage } from '../../domain/conference/overrule-review.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { mayReviewOverrule } from '../../policies/meeting.js';
import { assertChildAccess } from '../access/child-record-access.js';
import { auditChildRead } from '../audit/child-access.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { deadlineItem, mostUrgentFirst, type QueueContext, type WorkItem } from '../work-queues/work-item.js';
import type { MeetingState } from './meeting-state.js';
import { arrangingConferenceFor } from '../plans/load-plan.js';
import { updateAtVersion } from '../shared/versioned-update.js';
import { listedName } from '../shared/load-records.js';


/** The active service managers of an authority: the senior managers TS21 tells. */
async function seniorManagersOf(db: Queryable, organisationId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.active, true), sql`'service-manager' = any(${users.roles})`));
}

/**
 * TS21, inside the transaction that ends the meeting: for each child whose decision the chair
 * overruled where the pack has TS21, every service manager of the child's authority is emailed
 * through the outbox; the review then waits on their home list. Returns the messages queued.
 */
export async function notifySeniorManagersOfOverrules(tx: Queryable, context: ActionContext, state: MeetingState, conferenceDate: string): Promise<number> {
  let queued = 0;
  for (const decision of state.decisions) {
    if (overruleStage({ overrule: decision.overrule, furtherConferenceBy: decision.furtherConferenceBy, conferenceHeld: true, outcome: decision.overruleReviewOutcome }) !== 'senior-review-due') continue;
    const child = state.subjects.find((c) => c.childId === decision.childId);
    if (!child) continue;
    const [owner] = await tx.select({ organisationId: cases.organisationId }).from(cases).where(eq(cases.id, child.caseId));
    if (!owner) continue;
    for (const manager of await seniorManagersOf(tx, owner.organisationId)) {
      if (!manager.email) continue;
      const notice = overruleNotice({
        recipientName: manager.displayName, childName: child.name, conferenceDate, reasons: decision.overruleReasons ?? '',
        furtherConferenceBy: decision.furtherConferenceBy!, link: `/overrules/${decision.id}`,
      });
      await enqueueMessage(tx, {
        channel: 'email', toName: manager.displayName, toAddress: manager.email, subject: notice.subject, bodyText: notice.body,
        relatedType: 'overrule-notice', relatedId: decision.id, conferenceId: state.conference.id,
      }, context.now);
      queued += 1;
    }
    await recordAudit(tx, context, {
      action: 'overrule-senior-managers-notified', recordType: 'meeting-decision', recordId: decision.id, childId: decision.childId,
      details: { furtherConferenceBy: decision.furtherConferenceBy },
    });
  }
  return queued;
}

export interface OverruleView {
  decisionId: string;
  conferenceId: string;
  childId: string;
  childName: string;
  heldOn: string | null;
  pack: PackId;
  overruleReasons: string;
  furtherConferenceBy: string | null;
  seniorManagersInformed: string | null;
  outcome: string | null;
  reasons: string | null;
  furtherConferenceId: string | null;
  stage: OverruleStage;
}

/** Chairs' decisions with their conference and the child's name: what the overrule screen and the service managers' list read. */
function decisionsWithChild(db: Queryable) {
  return db
    .select({ d: meetingDecisions, c: conferences, givenNames: people.givenNames, familyName: people.familyName })
    .from(meetingDecisions)
    .innerJoin(conferences, eq(meetingDecisions.conferenceId, conferences.id))
    .innerJoin(people, eq(meetingDecisions.childId, people.id));
}

async function overruleRow(db: Queryable, decisionId: string): Promise<OverruleView> {
  if (!/^[0-9a-f-]{36}$/i.test(decisionId)) throw new NotFoundError('We could not find that decision.');
  const [row] = await decisionsWithChild(db).where(eq(meetingDecisions.id, decisionId));
  if (!row) throw new NotFoundError('We could not find that decision.');
  const { d, c } = row;
  return {
    decisionId: d.id, conferenceId: c.id, childId: d.childId, childName: listedName(row), heldOn: c.heldOn, pack: c.pack as PackId,
    overruleReasons: d.overruleReasons ?? '', furtherConferenceBy: d.furtherConferenceBy, seniorManagersInformed: d.seniorManagersInformed,
    outcome: d.overruleReviewOutcome, reasons: d.overruleReviewReasons, furtherConferenceId: d.furtherConferenceId,
    stage: overruleStage({ overrule: d.overrule, furtherConferenceBy: d.furtherConferenceBy, conferenceHeld: c.status === 'held' || c.status === 'adjourned', outcome: d.overruleReviewOutcome }),
  };
}

/** The overrule as a service manager reads it; the read is audited. */
export async function loadOverrule(db: Database, context: ActionContext, decisionId: string): Promise<OverruleView> {
  if (!mayReviewOverrule(context.actor)) throw new ForbiddenError();
  const view = await overruleRow(db, decisionId);
  await assertChildAccess(db, context.actor, view.childId);
  if (view.stage === 'none') throw new NotFoundError('We could not find that decision.');
  await auditChildRead(db, context, view.childId, { recordType: 'meeting-decision', recordId: decisionId });
  return view;
}

/**
 * TS21: a service manager records the senior managers' review. Where a further conference is
 * needed it is requested at once, for this child, due by the TS21 date, so business support
 * books it from their list and it shows overdue if the four weeks pass. Where a conference is
 * already being arranged for the child (the routine review, requested meanwhile) that one is the
 * further conference: still to book, it is brought forward to the TS21 date; never a second request.
 * While the further conference is outstanding the daily review request finds it and adds nothing.
 */
export async function recordOverruleReview(db: Database, context: ActionContext, decisionId: string, input: { outcome: string; reasons: string }): Promise<string | null> {
  if (!mayReviewOverrule(context.actor)) throw new ForbiddenError('Only a service manager records the senior managers’ review.');
  const view = await overruleRow(db, decisionId);
  await assertChildAccess(db, context.actor, view.childId);
  if (view.stage !== 'senior-review-due') throw new ConflictError('The senior managers’ review of this overrule is already recorded.');
  const problems = overruleReviewProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, view.conferenceId));
  const [cc] = await db.select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, view.conferenceId), eq(conferenceChildren.childId, view.childId)));
  if (!conference || !cc) throw new NotFoundError('We could not find that conference.');
  return db.transaction(async (tx) => {
    let furtherId: string | null = null;
    const arranging = input.outcome === 'further-conference' ? await arrangingConferenceFor(tx, view.childId) : null;
    if (arranging) {
      furtherId = arranging.id;
      const due = view.furtherConferenceBy!;
      if (arranging.status === 'requested' && (!arranging.dueDate || due < arranging.dueDate)) {
        await updateAtVersion(
          tx, conferences, arranging, { dueDate: due, dueRuleId: 'TS21', dueFromFact: "chair's overrule", dueFromDate: conference.heldOn },
          () => new ConflictError('The conference being arranged for this child changed as you saved: look at it again.'),
        );
        await tx.insert(conferenceStatusHistory).values({
          conferenceId: arranging.id, fromStatus: arranging.status, toStatus: arranging.status, event: 'brought-forward', at: context.now, by: context.actor!.id,
          reason: 'Held as the further conference after the chair overruled (TS21)', details: { overruledConferenceId: conference.id, dueDate: due, previousDueDate: arranging.dueDate, dueRuleId: 'TS21' },
        });
      }
    } else if (input.outcome === 'further-conference') {
      const [row] = await tx.insert(conferences).values({
        householdId: conference.householdId, kind: 'review', status: 'requested', pack: conference.pack,
        requestedBy: context.actor!.id, requestedAt: context.now,
        dueDate: view.furtherConferenceBy, dueRuleId: 'TS21', dueFromFact: "chair's overrule", dueFromDate: conference.heldOn,
        chairId: conference.chairId, format: conference.format, slotMinutes: conference.slotMinutes, createdAt: context.now,
      }).returning({ id: conferences.id });
      if (!row) throw new Error('conference insert returned nothing');
      furtherId = row.id;
      await tx.insert(conferenceChildren).values({ conferenceId: row.id, caseId: cc.caseId, childId: cc.childId, role: 'subject', childType: 'review', likelyHarm: cc.likelyHarm, harmFrom: cc.harmFrom });
      await tx.insert(conferenceStatusHistory).values({
        conferenceId: row.id, fromStatus: null, toStatus: 'requested', event: 'request', at: context.now, by: context.actor!.id,
        reason: 'Further conference after the chair overruled (TS21)', details: { overruledConferenceId: conference.id, dueDate: view.furtherConferenceBy, dueRuleId: 'TS21' },
      });
    }
    const [updated] = await tx.update(meetingDecisions).set({
      overruleReviewOutcome: input.outcome, overruleReviewReasons: input.reasons.trim(), overruleReviewedBy: context.actor!.id, overruleReviewedAt: context.now, furtherConferenceId: furtherId,
    }).where(and(eq(meetingDecisions.id, decisionId), isNull(meetingDecisions.overruleReviewOutcome))).returning({ id: meetingDecisions.id });
    if (!updated) throw new ConflictError('The senior managers’ review of this overrule is already recorded.');
    await recordAudit(tx, context, {
      action: 'overrule-reviewed', recordType: 'meeting-decision', recordId: decisionId, childId: view.childId, reason: input.reasons.trim(),
      details: { outcome: input.outcome, furtherConferenceId: furtherId },
    });
    return furtherId;
  });
}

/** TS21 on the service managers' list: each overrule not yet reviewed, due by the four-week date. */
export async function overruleReviewItems(db: Queryable, ctx: QueueContext): Promise<WorkItem[]> {
  const rows = await decisionsWithChild(db)
    .where(and(eq(meetingDecisions.overrule, true), isNotNull(meetingDecisions.furtherConferenceBy), isNull(meetingDecisions.overruleReviewOutcome), inArray(conferences.status, ['held', 'adjourned'])))
    .limit(50);
  return mostUrgentFirst(rows.map(({ d, c, ...child }) => deadlineItem(ctx, { ruleId: 'TS21', pack: c.pack as PackId, from: c.heldOn! }, {
    title: `The chair overruled the conference: ${listedName(child)}`,
    detail: 'Review the case with the other agencies’ managers and say whether a further conference is needed.',
    href: `/overrules/${d.id}`,
    childIds: [d.childId],
  })));
}
