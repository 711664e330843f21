import { ARRANGING_STATUSES } from '../plans/load-plan.js';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../../db/client.js';
import { assessments, caseAllocations, cases, childInNeedPlans, childProtectionPlans, conferenceChildren, conferences, referrals, section47Enquiries, users } from '../../db/schema/index.js';
import { closureProblems } from '../../domain/records/case-closure.js';
import { mayAuthoriseCaseDecisions } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { bumpVersion, updateAtVersion } from '../shared/versioned-update.js';
import { endRunningCinPlan } from './child-in-need-plan.js';

async function loadCase(db: Database, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new NotFoundError('That case does not exist.');
  return row;
}

async function checkHolder(db: Queryable, userId: string | null, role: 'social-worker' | 'team-manager', field: string): Promise<void> {
  if (!userId) return;
  const [user] = await db.select({ roles: users.roles, active: users.active }).from(users).where(eq(users.id, userId));
  if (!user || !user.active || !user.roles.includes(role)) {
    throw new ValidationError([{ field, message: role === 'social-worker' ? 'Choose a social worker from the list' : 'Choose a team manager from the list' }]);
  }
}

/**
 * A team or service manager moves a case to another social worker or team manager. The change is
 * kept (who, from when, why) and the child's open plan follows the new lead social worker.
 */
export async function reallocateCase(
  db: Database,
  context: ActionContext,
  caseId: string,
  input: { socialWorkerId: string | null; teamManagerId: string | null; fromDate: string; reason: string; version: number },
): Promise<void> {
  if (!mayAuthoriseCaseDecisions(context.actor)) throw new ForbiddenError('Only a team manager or service manager reallocates a case.');
  const current = await loadCase(db, caseId);
  if (current.closedOn) throw new ConflictError('This case is closed: open a new case to allocate it.');
  await checkHolder(db, input.socialWorkerId, 'social-worker', 'socialWorkerId');
  await checkHolder(db, input.teamManagerId, 'team-manager', 'teamManagerId');
  if (input.fromDate < current.openedOn) throw new ValidationError([{ field: 'fromDate', message: `The new allocation cannot start before the case opened (${current.openedOn})` }]);
  if (input.socialWorkerId === current.socialWorkerId && input.teamManagerId === current.teamManagerId) {
    throw new ValidationError([{ field: 'socialWorkerId', message: 'Choose a different social worker or team manager' }]);
  }
  await db.transaction(async (tx) => applyReallocation(tx, context, current, input));
}

export type CaseRow = typeof cases.$inferSelect;

/**
 * The reallocation itself, inside the caller's transaction: the case moves (if no one else changed
 * it), the allocation history keeps the change, the open plan follows the new lead social worker,
 * and the audit records both sides. CO4's agreed change of worker goes through here too.
 */
export async function applyReallocation(
  tx: Transaction,
  context: ActionContext,
  current: CaseRow,
  input: { socialWorkerId: string | null; teamManagerId: string | null; fromDate: string; reason: string; version: number },
): Promise<void> {
  await updateAtVersion(
    tx, cases, { id: current.id, version: input.version }, { socialWorkerId: input.socialWorkerId, teamManagerId: input.teamManagerId },
    () => new ConflictError('Someone else changed this case since you opened it. Look at it again before reallocating.'),
  );
  await tx.insert(caseAllocations).values({
    caseId: current.id, socialWorkerId: input.socialWorkerId, teamManagerId: input.teamManagerId, fromDate: input.fromDate, reason: input.reason.trim(),
    recordedBy: context.actor?.id ?? null, recordedAt: context.now,
  });
  if (input.socialWorkerId && input.socialWorkerId !== current.socialWorkerId) {
    await bumpVersion(tx, childProtectionPlans, and(eq(childProtectionPlans.caseId, current.id), isNull(childProtectionPlans.endDate)), { leadSocialWorkerId: input.socialWorkerId });
  }
  await recordAudit(tx, context, {
    action: 'case-reallocated', recordType: 'case', recordId: current.id, childId: current.childId, reason: input.reason.trim(),
    details: { from: { socialWorkerId: current.socialWorkerId, teamManagerId: current.teamManagerId }, to: { socialWorkerId: input.socialWorkerId, teamManagerId: input.teamManagerId } },
  });
}

/** Checks a chosen person is an active holder of the role (a social worker to move a case to). */
export { checkHolder, loadCase };

/** The latest date anything is recorded on the case, which a closure may not precede. */
async function lastActivityOn(db: Database, caseId: string): Promise<string | null> {
  const dates = await Promise.all([
    db.select({ d: sql<string | null>`max((${referrals.receivedAt} at time zone 'Europe/London')::date)::text` }).from(referrals).where(eq(referrals.caseId, caseId)),
    db.select({ d: sql<string | null>`max(greatest(${assessments.startedOn}, ${assessments.completedOn}))::text` }).from(assessments).where(eq(assessments.caseId, caseId)),
    db.select({ d: sql<string | null>`max(greatest(${section47Enquiries.startedOn}, ${section47Enquiries.coreAssessmentCompletedOn}))::text` }).from(section47Enquiries).where(eq(section47Enquiries.caseId, caseId)),
    db.select({ d: sql<string | null>`max(${conferences.heldOn})::text` }).from(conferences).innerJoin(conferenceChildren, eq(conferenceChildren.conferenceId, conferences.id)).where(eq(conferenceChildren.caseId, caseId)),
    db.select({ d: sql<string | null>`max(${childProtectionPlans.endDate})::text` }).from(childProtectionPlans).where(eq(childProtectionPlans.caseId, caseId)),
    db.select({ d: sql<string | null>`max(greatest(${childInNeedPlans.startDate}, ${childInNeedPlans.endDate}))::text` }).from(childInNeedPlans).where(eq(childInNeedPlans.caseId, caseId)),
  ]);
  return dates.map((r) => r[0]?.d ?? null).filter((d): d is string => d !== null).sort().at(-1) ?? null;
}

/** Closes the census episode with its date and reason, once no plan or conference is running on it. */
export async function closeCase(db: Database, context: ActionContext, caseId: string, input: { closedOn: string; closureReason: string; version: number }): Promise<void> {
  if (!mayAuthoriseCaseDecisions(context.actor)) throw new ForbiddenError('Only a team manager or service manager closes a case.');
  const current = await loadCase(db, caseId);
  if (current.closedOn) throw new ConflictError(`This case closed on ${current.closedOn}.`);
  const [plan] = await db.select({ id: childProtectionPlans.id }).from(childProtectionPlans).where(and(eq(childProtectionPlans.caseId, caseId), isNull(childProtectionPlans.endDate)));
  const [arranging] = await db
    .select({ id: conferences.id })
    .from(conferences)
    .innerJoin(conferenceChildren, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(eq(conferenceChildren.caseId, caseId), inArray(conferences.status, ARRANGING_STATUSES)));
  const [awaiting] = await db.select({ id: assessments.id }).from(assessments)
    .where(and(eq(assessments.caseId, caseId), isNotNull(assessments.completedOn), isNull(assessments.authorisedOn)));
  const today = londonIsoDate(context.now);
  const problems = closureProblems({ closedOn: input.closedOn, reason: input.closureReason }, {
    openPlan: Boolean(plan), conferenceArranging: Boolean(arranging), lastActivityOn: await lastActivityOn(db, caseId), openedOn: current.openedOn,
    assessmentAwaitingAuthorisation: Boolean(awaiting),
  }, today);
  if (problems.length > 0) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, cases, { id: caseId, version: input.version }, { closedOn: input.closedOn, closureReason: input.closureReason },
      () => new ConflictError('Someone else changed this case since you opened it. Look at it again before closing it.'),
      isNull(cases.closedOn),
    );
    // A child in need plan still running ends with the episode (nothing open after closure, C18).
    await endRunningCinPlan(tx, context, { childId: current.childId, on: input.closedOn, endedBy: 'case-closed' });
    await recordAudit(tx, context, { action: 'case-closed', recordType: 'case', recordId: caseId, childId: current.childId, details: { closedOn: input.closedOn, reason: input.closureReason } });
  });
}
