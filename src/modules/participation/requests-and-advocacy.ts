import { and, asc, eq, inArray, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { cases, childRequestsNotFollowed, conferenceChildren, conferences, familyParticipation, invitations, parentAdvocacy, people } from '../../db/schema/index.js';
import { isFamilyKind } from '../../domain/conference/agencies.js';
import { advocacyProblems, advocacyStatus, childRequestProblems, type AdvocacyInput, type ChildRequestInput } from '../../domain/participation/requests-and-advocacy.js';
import { mayRecordChildVoice } from '../../policies/reports.js';
import type { Actor } from '../../policies/roles.js';
import { auditChildReads } from '../audit/child-access.js';
import { auditForChildren } from '../audit/audit-children.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { conferenceForReports } from '../reports/conference-access.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { updateAtVersion } from '../shared/versioned-update.js';

const savedMeanwhile = () => new ConflictError('Someone else saved this since you opened it. Open it again to see their changes.');

const today = (ctx: ActionContext) => londonDateOf(ctx.now).toString();

/** The conference, its subject children and family invitations, and whether this person may keep IN10's records for it. */
export async function childVoiceContext(db: Queryable, ctx: ActionContext, conferenceId: string) {
  if (!ctx.actor) throw new ForbiddenError();
  const c = await conferenceForReports(db, ctx.actor, conferenceId);
  const caseIds = c.subjects.map((s) => s.caseId);
  const rows = caseIds.length ? await db.select({ socialWorkerId: cases.socialWorkerId, teamManagerId: cases.teamManagerId }).from(cases).where(inArray(cases.id, caseIds)) : [];
  const may = mayRecordChildVoice(ctx.actor, { socialWorkerIds: rows.map((r) => r.socialWorkerId), teamManagerIds: rows.map((r) => r.teamManagerId), chairId: c.conference.chairId });
  // Advocacy is for the child's parents and other adult family members, not a child or a supporter.
  return { ...c, may, familyInvitations: c.invitations.filter((i) => isFamilyKind(i.inviteeKind) && (i.inviteeKind === 'parent' || i.inviteeKind === 'family-member')) };
}

async function guarded(db: Queryable, ctx: ActionContext, conferenceId: string) {
  const c = await childVoiceContext(db, ctx, conferenceId);
  if (!c.may) throw new ForbiddenError('Only the social worker or team manager of a child in this conference, its chair or a service manager records this.');
  return c;
}

/** What the IN10 pages show for one conference: requests not followed and parents' advocacy. Audited as a read of each child's record. */
export async function loadChildVoice(db: Database, ctx: ActionContext, conferenceId: string) {
  const c = await guarded(db, ctx, conferenceId);
  await auditChildReads(db, ctx, c.subjects.map((s) => s.childId), { recordType: 'conference-participation', recordId: conferenceId });
  const [requests, advocacy, family] = await Promise.all([
    db.select().from(childRequestsNotFollowed).where(eq(childRequestsNotFollowed.conferenceId, conferenceId)).orderBy(asc(childRequestsNotFollowed.recordedAt)),
    db.select().from(parentAdvocacy).where(eq(parentAdvocacy.conferenceId, conferenceId)),
    db.select().from(familyParticipation).where(eq(familyParticipation.conferenceId, conferenceId)),
  ]);
  return { context: c, requests, advocacy, family };
}

/**
 * IN10: records a child's request that is not being followed and why; later (or at once) when and
 * how the reasons were explained to the child. Until then it stays on the social worker's list.
 */
export async function saveChildRequest(
  db: Database, ctx: ActionContext, conferenceId: string, childId: string, requestId: string | null, input: ChildRequestInput & { version: number },
): Promise<string> {
  const c = await guarded(db, ctx, conferenceId);
  if (!c.subjects.some((s) => s.childId === childId)) throw new NotFoundError('That child is not a subject of this conference.');
  const problems = childRequestProblems(input, today(ctx));
  if (problems.length) throw new ValidationError(problems);
  const values = {
    request: input.request.trim(), reasons: input.reasons.trim(), sharedWithChildOn: input.sharedWithChildOn || null, sharedHow: input.sharedHow.trim(),
    recordedBy: ctx.actor?.id ?? null, recordedAt: ctx.now,
  };
  return db.transaction(async (tx) => {
    let id: string | undefined;
    if (requestId) {
      ({ id } = await updateAtVersion(
        tx, childRequestsNotFollowed, { id: requestId, version: input.version }, values, savedMeanwhile,
        and(eq(childRequestsNotFollowed.conferenceId, conferenceId), eq(childRequestsNotFollowed.childId, childId)),
      ));
    } else {
      const [row] = await tx.insert(childRequestsNotFollowed).values({ ...values, conferenceId, childId }).returning({ id: childRequestsNotFollowed.id });
      id = row!.id;
    }
    await auditForChildren(tx, ctx, [childId], {
      action: values.sharedWithChildOn ? 'child-request-reasons-shared' : 'child-request-not-followed-recorded', recordType: 'child-request-not-followed', recordId: id,
    });
    return id;
  });
}

/**
 * IN10: for a parent invited to the conference with a learning disability or a mental health need,
 * whether an advocate was considered and, once referred, the follow-up. `version` 0 is a new record.
 */
export async function saveParentAdvocacy(db: Database, ctx: ActionContext, conferenceId: string, invitationId: string, input: AdvocacyInput & { version: number }): Promise<void> {
  const c = await guarded(db, ctx, conferenceId);
  if (!c.familyInvitations.some((i) => i.id === invitationId)) throw new NotFoundError('That family member is not invited to this conference.');
  const problems = advocacyProblems(input, today(ctx));
  if (problems.length) throw new ValidationError(problems);
  const values = {
    learningDisability: input.learningDisability, mentalHealthNeed: input.mentalHealthNeed, decision: input.decision, reasons: input.reasons.trim(),
    followUp: input.followUp.trim(), followedUpOn: input.followedUpOn || null, recordedBy: ctx.actor?.id ?? null, recordedAt: ctx.now,
  };
  await db.transaction(async (tx) => {
    let id: string | undefined;
    if (input.version === 0) {
      const [row] = await tx.insert(parentAdvocacy).values({ ...values, conferenceId, invitationId }).onConflictDoNothing().returning({ id: parentAdvocacy.id });
      id = row?.id;
    } else {
      ({ id } = await updateAtVersion(tx, parentAdvocacy, { where: eq(parentAdvocacy.invitationId, invitationId), version: input.version }, values, savedMeanwhile));
    }
    if (!id) throw new ConflictError('Someone else saved this since you opened it. Open it again to see their changes.');
    await auditForChildren(tx, ctx, c.subjects.map((s) => s.childId), {
      action: values.followedUpOn ? 'parent-advocacy-followed-up' : 'parent-advocacy-considered', recordType: 'parent-advocacy', recordId: id,
    });
  });
}

/**
 * IN10 on the social worker's list: for conferences about children whose case this worker holds,
 * each child's request not yet explained to them, each parent with a learning disability or mental
 * health need whose advocate is not yet considered, and each referral not yet followed up.
 */
export async function childVoiceItemsFor(db: Queryable, actor: Actor) {
  const rows = await db
    .selectDistinct({ conferenceId: conferences.id, kind: conferences.kind })
    .from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .innerJoin(cases, eq(conferenceChildren.caseId, cases.id))
    .where(and(eq(cases.socialWorkerId, actor.id), eq(conferenceChildren.role, 'subject'), ne(conferences.status, 'cancelled')))
    .limit(200);
  const ids = rows.map((r) => r.conferenceId);
  if (!ids.length) return { requests: [], advocacy: [] };
  const [requests, family, advocacy] = await Promise.all([
    db.select({ r: childRequestsNotFollowed, givenNames: people.givenNames, familyName: people.familyName }).from(childRequestsNotFollowed)
      .innerJoin(people, eq(childRequestsNotFollowed.childId, people.id))
      .where(and(inArray(childRequestsNotFollowed.conferenceId, ids), isNull(childRequestsNotFollowed.sharedWithChildOn))),
    // A parent whose advocacy is already recorded (considered) is listed from that record instead.
    db.select({ f: familyParticipation, name: invitations.name }).from(familyParticipation).innerJoin(invitations, eq(familyParticipation.invitationId, invitations.id))
      .where(and(
        inArray(familyParticipation.conferenceId, ids), eq(familyParticipation.learningDisability, true),
        notExists(db.select({ one: sql`1` }).from(parentAdvocacy).where(and(eq(parentAdvocacy.invitationId, familyParticipation.invitationId), inArray(parentAdvocacy.conferenceId, ids)))),
      )),
    db.select({ a: parentAdvocacy, name: invitations.name }).from(parentAdvocacy).innerJoin(invitations, eq(parentAdvocacy.invitationId, invitations.id))
      .where(and(inArray(parentAdvocacy.conferenceId, ids), or(isNull(parentAdvocacy.decision), and(eq(parentAdvocacy.decision, 'referred'), isNull(parentAdvocacy.followedUpOn))))),
  ]);
  const parents = [
    ...family.map((f) => ({ conferenceId: f.f.conferenceId, invitationId: f.f.invitationId, name: f.name, status: advocacyStatus({ learningDisability: true, mentalHealthNeed: false }, null) })),
    ...advocacy.map((a) => ({ conferenceId: a.a.conferenceId, invitationId: a.a.invitationId, name: a.name, status: advocacyStatus(a.a, a.a) })),
  ];
  return { requests, advocacy: parents };
}
