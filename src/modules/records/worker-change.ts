import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { loadUserNames } from '../accounts/load-user-names.js';
import type { Database, Queryable } from '../../db/client.js';
import { cases, people, users, workerChangeRequests } from '../../db/schema/index.js';
import { WORKER_CHANGE_DECISIONS, workerChangeAnswerProblems, workerChangeRequestProblems, workerChangeStatus } from '../../domain/records/worker-change.js';
import { mayAnswerWorkerChangeRequest, mayRecordWorkerChangeRequest } from '../../policies/children.js';
import { assertChildAccess } from '../access/child-record-access.js';
import { auditChildRead } from '../audit/child-access.js';
import { recordAudit } from '../audit/record-audit.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { applyReallocation, checkHolder, loadCase } from './case-allocation.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export interface WorkerChangeRequestInput {
  requestedBy: string;
  requestedOn: string;
  reasons: string;
}

export interface WorkerChangeAnswerInput {
  decision: string;
  reasons: string;
  familyToldOn: string;
  newSocialWorkerId: string | null;
  version: number;
}

const today = (context: ActionContext) => londonDateOf(context.now).toString();

/**
 * CO4 (`002` 2.162): the case's social worker or team manager records that the family asked for a
 * different social worker: who asked, when and why. It waits on the team manager's list until answered.
 */
export async function recordWorkerChangeRequest(db: Database, context: ActionContext, caseId: string, input: WorkerChangeRequestInput): Promise<string> {
  const current = await loadCase(db, caseId);
  await assertChildAccess(db, context.actor, current.childId);
  if (!mayRecordWorkerChangeRequest(context.actor, current)) throw new ForbiddenError('Only the case’s social worker or team manager, or a service manager, records a request for a change of worker.');
  if (current.closedOn) throw new ConflictError('This case is closed.');
  const problems = workerChangeRequestProblems(input, { today: today(context), caseOpenedOn: current.openedOn });
  if (problems.length) throw new ValidationError(problems);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(workerChangeRequests).values({
      caseId, childId: current.childId, requestedBy: input.requestedBy.trim(), requestedOn: input.requestedOn, reasons: input.reasons.trim(),
      socialWorkerId: current.socialWorkerId, recordedBy: context.actor?.id ?? null, recordedAt: context.now,
    }).returning({ id: workerChangeRequests.id });
    if (!row) throw new Error('worker change request insert returned nothing');
    await recordAudit(tx, context, {
      action: 'worker-change-requested', recordType: 'worker-change-request', recordId: row.id, childId: current.childId,
      details: { caseId, requestedOn: input.requestedOn, socialWorkerId: current.socialWorkerId },
    });
    return row.id;
  });
}

/**
 * CO4: the case's team manager answers, agreed or declined with reasons, and records the day the
 * family was told. An agreed change is carried out by the case's reallocation in the same
 * transaction, so the answer and the move commit together or not at all.
 */
export async function answerWorkerChangeRequest(db: Database, context: ActionContext, requestId: string, input: WorkerChangeAnswerInput): Promise<void> {
  const [request] = await db.select().from(workerChangeRequests).where(eq(workerChangeRequests.id, requestId));
  if (!request) throw new NotFoundError('That request does not exist.');
  const current = await loadCase(db, request.caseId);
  await assertChildAccess(db, context.actor, current.childId);
  if (!mayAnswerWorkerChangeRequest(context.actor, current.teamManagerId)) throw new ForbiddenError('Only the team manager for this child’s case, or a service manager, answers a request for a change of worker.');
  if (request.decision) throw new ConflictError('This request has already been answered.');
  const problems = workerChangeAnswerProblems(input, { today: today(context), requestedOn: request.requestedOn, answered: false, currentSocialWorkerId: current.socialWorkerId });
  if (problems.length) throw new ValidationError(problems);
  const agreed = input.decision === 'agreed';
  if (agreed) {
    if (current.closedOn) throw new ConflictError('This case is closed: it cannot move to another social worker.');
    await checkHolder(db, input.newSocialWorkerId, 'social-worker', 'newSocialWorkerId');
  }
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, workerChangeRequests, { id: requestId, version: input.version }, {
      decision: input.decision, decisionReasons: input.reasons.trim(), familyToldOn: input.familyToldOn, newSocialWorkerId: agreed ? input.newSocialWorkerId : null,
      decidedBy: context.actor?.id ?? null, decidedAt: context.now,
    }, () => new ConflictError('Someone else answered this request since you opened it.'), isNull(workerChangeRequests.decision));
    if (agreed) {
      await applyReallocation(tx, context, current, {
        socialWorkerId: input.newSocialWorkerId, teamManagerId: current.teamManagerId, fromDate: today(context),
        reason: `The family asked for a change of social worker (${request.requestedBy}, ${request.requestedOn}); agreed: ${input.reasons.trim()}`, version: current.version,
      });
    }
    await recordAudit(tx, context, {
      action: agreed ? 'worker-change-agreed' : 'worker-change-declined', recordType: 'worker-change-request', recordId: requestId, childId: request.childId, reason: input.reasons.trim(),
      details: { caseId: request.caseId, familyToldOn: input.familyToldOn, from: current.socialWorkerId, to: agreed ? input.newSocialWorkerId : null },
    });
  });
}

/** The requests on a case as one list of `listsInOneRead` (the case page reads it with the case's other lists). */
export function workerChangeRequestsList(caseId: string) {
  return { table: workerChangeRequests, where: eq(workerChangeRequests.caseId, caseId), orderBy: sql`${desc(workerChangeRequests.requestedOn)}, ${desc(workerChangeRequests.recordedAt)}` };
}

/**
 * The requests with their status and the names of the staff they name: one read of those users'
 * names, none where a case has no requests (most cases).
 */
export async function describeWorkerChangeRequests(db: Queryable, rows: (typeof workerChangeRequests.$inferSelect)[]) {
  const names = await loadUserNames(db, rows.flatMap((r) => [r.socialWorkerId, r.newSocialWorkerId, r.decidedBy]));
  return rows.map((r) => ({
    ...r, status: workerChangeStatus(r), decisionLabel: r.decision ? WORKER_CHANGE_DECISIONS[r.decision as keyof typeof WORKER_CHANGE_DECISIONS] : null,
    socialWorker: names.get(r.socialWorkerId ?? '') ?? 'Not allocated', newSocialWorker: r.newSocialWorkerId ? (names.get(r.newSocialWorkerId) ?? null) : null,
    decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
  }));
}

/** CO4: the team manager's list: requests on their team's cases still waiting for an answer. */
export async function workerChangeQueueRows(db: Queryable, filter: { teamManagerId: string }) {
  return db
    .select({ r: workerChangeRequests, givenNames: people.givenNames, familyName: people.familyName })
    .from(workerChangeRequests)
    .innerJoin(cases, eq(workerChangeRequests.caseId, cases.id))
    .innerJoin(people, eq(workerChangeRequests.childId, people.id))
    .where(and(isNull(workerChangeRequests.decision), eq(cases.teamManagerId, filter.teamManagerId)))
    .orderBy(workerChangeRequests.requestedOn)
    .limit(50);
}

/**
 * What the CO4 pages show: the case and its child (the read audited, and refused with a 404 where
 * the person has no relationship to the child), the social worker now, the request being
 * answered, and the social workers the case could move to. Null where the case or request does not exist.
 */
export async function workerChangePageData(db: Database, context: ActionContext, caseId: string, changeRequestId: string | null) {
  const [row] = await db.select({ c: cases, child: people }).from(cases).innerJoin(people, eq(cases.childId, people.id)).where(eq(cases.id, caseId));
  if (!row) return null;
  await auditChildRead(db, context, row.child.id, { recordType: 'case', recordId: row.c.id });
  const staff = await db.select({ id: users.id, displayName: users.displayName, roles: users.roles, active: users.active }).from(users).orderBy(asc(users.displayName));
  const names = new Map(staff.map((u) => [u.id, u.displayName]));
  let change: typeof workerChangeRequests.$inferSelect | null = null;
  if (changeRequestId) {
    const [found] = await db.select().from(workerChangeRequests).where(and(eq(workerChangeRequests.id, changeRequestId), eq(workerChangeRequests.caseId, caseId)));
    if (!found) return null;
    change = found;
  }
  return {
    c: row.c, child: row.child, name: `${row.child.givenNames ?? ''} ${row.child.familyName ?? ''}`.trim(), socialWorker: names.get(row.c.socialWorkerId ?? '') ?? 'Not allocated', change,
    workers: staff.filter((u) => u.active && u.roles.includes('social-worker') && u.id !== row.c.socialWorkerId).map((u) => ({ id: u.id, displayName: u.displayName })),
  };
}
