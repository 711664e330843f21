import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { coreGroupMeetings, type CoreGroupMember } from '../../db/schema/index.js';
import { absenteeProblems, coreGroupChairProblem, coreGroupCountedFrom, type CoreGroupChairRole } from '../../domain/plans/core-groups.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { mayKeepPlan } from '../../policies/plans.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError, type FieldError } from '../shared/errors.js';
import { reviewsHeldFor } from './load-plan.js';
import { claimPlanVersion, loadOpenPlanFor, todayOf } from './plan-write.js';

export interface CoreGroupInput {
  heldOn: string;
  chairName: string;
  chairRole: CoreGroupChairRole;
  members: CoreGroupMember[];
  decisions: string;
  actionsAgreed: string;
  nextIntervalWeeks: number | null;
  planUpdated: boolean;
  planDistributedOn: string | null;
  distributedTo: string;
  dischargePlan: string;
  collectiveReviewReport: boolean;
  planVersion: number;
}

/**
 * CG1, PL2, TS8, TS9, TS27, UB2, RV3: a core group meeting, its members with attendance and
 * absentees' written views, its decisions and actions, the interval to the next meeting, and
 * whether (and when) the updated detailed plan went out.
 */
export async function recordCoreGroup(db: Database, context: ActionContext, pack: PackId, planId: string, input: CoreGroupInput): Promise<string> {
  const { plan } = await loadOpenPlanFor(db, context, planId, mayKeepPlan);
  const problems: FieldError[] = [];
  const today = todayOf(context);
  if (input.heldOn > today) problems.push({ field: 'heldOn', message: 'The date of the core group cannot be in the future' });
  if (input.heldOn < plan.startDate) problems.push({ field: 'heldOn', message: `The plan started on ${plan.startDate}: the core group met on or after that` });
  if (input.members.length === 0) problems.push({ field: 'members', message: 'Record at least one core group member' });
  for (const p of absenteeProblems(input.members)) problems.push({ field: `members.${p.index}.writtenViews`, message: p.message });
  if (input.planDistributedOn && input.planDistributedOn < input.heldOn) {
    problems.push({ field: 'planDistributedOn', message: 'The plan is distributed on or after the day of the core group' });
  }
  if (input.planDistributedOn && !input.distributedTo.trim()) problems.push({ field: 'distributedTo', message: 'Say who the updated plan was sent to and how' });

  const reviews = await reviewsHeldFor(db, plan);
  const from = coreGroupCountedFrom({ pack, planStartedOn: plan.startDate, laterConferencesKeepingPlan: reviews.map((r) => r.heldOn) });
  const earlier = (await db.select({ heldOn: coreGroupMeetings.heldOn, chairRole: coreGroupMeetings.chairRole }).from(coreGroupMeetings)
    .where(eq(coreGroupMeetings.planId, planId)).orderBy(asc(coreGroupMeetings.heldOn)))
    .filter((c) => c.heldOn >= from && c.heldOn <= input.heldOn);
  const chairProblem = coreGroupChairProblem(pack, { number: earlier.length + 1, chairRole: input.chairRole, earlierChairRoles: earlier.map((c) => c.chairRole) });
  if (chairProblem) problems.push({ field: 'chairRole', message: chairProblem });
  if (problems.length) throw new ValidationError(problems);

  const { planVersion, ...values } = input;
  return db.transaction(async (tx) => {
    await claimPlanVersion(tx, planId, planVersion);
    const [row] = await tx.insert(coreGroupMeetings).values({
      planId, childId: plan.childId, ...values, dischargePlan: values.dischargePlan.trim() || null, distributedTo: values.distributedTo.trim() || null,
      createdAt: context.now, createdBy: context.actor?.id ?? null,
    }).returning({ id: coreGroupMeetings.id });
    if (!row) throw new Error('core group insert returned nothing');
    await recordAudit(tx, context, {
      action: 'core-group-recorded', recordType: 'core-group', recordId: row.id, childId: plan.childId,
      details: { planId, heldOn: input.heldOn, chairRole: input.chairRole, members: input.members.length, planDistributedOn: input.planDistributedOn },
    });
    return row.id;
  });
}
