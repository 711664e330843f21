import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { cases, childInNeedPlans, childProtectionPlans, referrals } from '../../db/schema/index.js';
import { londonDateOf, londonIsoDate } from '../../domain/calendar/london-time.js';
import { cinPlanBreaches, refusalMessage, type PlanSpan } from '../../domain/census/rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';

export type CinPlanRow = typeof childInNeedPlans.$inferSelect;

/** The case's child in need plans, earliest first (the case page and the census read them). */
export async function cinPlansOf(db: Queryable, caseId: string): Promise<CinPlanRow[]> {
  return db.select().from(childInNeedPlans).where(eq(childInNeedPlans.caseId, caseId)).orderBy(asc(childInNeedPlans.startDate));
}

/**
 * The episode the census puts a child in need plan in: it starts on the day of the first referral
 * (as the census reads CINreferralDate), or the case's opening when there is none; and the child's
 * child protection plans, which a child in need plan may not overlap (C19).
 */
async function settingOf(db: Queryable, caseRow: typeof cases.$inferSelect, leaving: string | null) {
  // One after another: inside a transaction a client runs one statement at a time.
  const [first] = await db.select({ at: sql<Date | string>`min(${referrals.receivedAt})` }).from(referrals).where(eq(referrals.caseId, caseRow.id));
  const cinPlans = await cinPlansOf(db, caseRow.id);
  const cpPlans = await db.select({ startDate: childProtectionPlans.startDate, endDate: childProtectionPlans.endDate }).from(childProtectionPlans)
    .where(and(eq(childProtectionPlans.childId, caseRow.childId), isNull(childProtectionPlans.responsibleAuthority)));
  const referralDate = first?.at ? londonDateOf(new Date(first.at)).toString() : caseRow.openedOn;
  return {
    referralDate, closureDate: caseRow.closedOn, cinPlans,
    otherCinPlans: cinPlans.filter((p) => p.id !== leaving).map((p): PlanSpan => ({ startDate: p.startDate, endDate: p.endDate })),
    childProtectionPlans: cpPlans,
  };
}

/** Refuses a plan that would breach C18 or C19, on the field the person typed, with the census check named. */
function refuseBreaches(plan: PlanSpan, setting: Awaited<ReturnType<typeof settingOf>>, field: string): void {
  const breaches = cinPlanBreaches(plan, setting);
  if (breaches.length) throw new ValidationError(breaches.map((b) => ({ field, message: refusalMessage(b, 'Check the date.') })));
}

/** What happened is recorded once it has: a plan's dates are never ahead of today. */
function notAhead(context: ActionContext, date: string, field: string): void {
  if (date > londonIsoDate(context.now)) throw new ValidationError([{ field, message: 'The date cannot be in the future: record it on the day, or afterwards' }]);
}

async function caseFor(db: Queryable, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new NotFoundError('That case does not exist.');
  return row;
}

/** A practitioner records the start of a child in need plan on an open case (after an assessment, say). */
export async function startCinPlan(db: Database, context: ActionContext, caseId: string, input: { startDate: string }): Promise<string> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError('Only a social worker or manager records a child in need plan.');
  notAhead(context, input.startDate, 'startDate');
  return db.transaction(async (tx) => {
    const caseRow = await caseFor(tx, caseId);
    if (caseRow.closedOn) throw new ConflictError('This case is closed: a child in need plan needs an open case.');
    const setting = await settingOf(tx, caseRow, null);
    if (setting.cinPlans.some((p) => p.endDate === null)) throw new ValidationError([{ field: 'startDate', message: 'This child already has a child in need plan running: end it before starting another.' }]);
    refuseBreaches({ startDate: input.startDate, endDate: null }, setting, 'startDate');
    return insertCinPlan(tx, context, caseRow, input.startDate, 'recorded');
  });
}

/** A practitioner records the end of the case's running child in need plan. */
export async function endCinPlan(db: Database, context: ActionContext, caseId: string, input: { endDate: string; version: number }): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError('Only a social worker or manager records a child in need plan.');
  notAhead(context, input.endDate, 'endDate');
  await db.transaction(async (tx) => {
    const caseRow = await caseFor(tx, caseId);
    const setting = await settingOf(tx, caseRow, null);
    const open = setting.cinPlans.find((p) => p.endDate === null);
    if (!open) throw new ConflictError('This child has no child in need plan running.');
    if (open.version !== input.version) throw new ConflictError('Someone else changed this child in need plan since you opened it. Look at it again.');
    refuseBreaches({ startDate: open.startDate, endDate: input.endDate }, { ...setting, otherCinPlans: setting.cinPlans.filter((p) => p.id !== open.id) }, 'endDate');
    await closeCinPlan(tx, context, caseRow.childId, open, input.endDate, 'recorded');
  });
}

async function insertCinPlan(tx: Queryable, context: ActionContext, caseRow: typeof cases.$inferSelect, startDate: string, startedBy: 'recorded' | 'step-down'): Promise<string> {
  const [row] = await tx.insert(childInNeedPlans).values({
    caseId: caseRow.id, childId: caseRow.childId, startDate, startedBy, recordedBy: context.actor?.id ?? null, createdAt: context.now,
  }).returning({ id: childInNeedPlans.id });
  await recordAudit(tx, context, { action: 'cin-plan-started', recordType: 'child-in-need-plan', recordId: row!.id, childId: caseRow.childId, details: { caseId: caseRow.id, startDate, startedBy } });
  return row!.id;
}

async function closeCinPlan(tx: Queryable, context: ActionContext, childId: string, plan: CinPlanRow, endDate: string, endedBy: 'recorded' | 'step-up' | 'case-closed'): Promise<void> {
  const updated = await tx.update(childInNeedPlans).set({ endDate, endedBy, version: plan.version + 1 })
    .where(and(eq(childInNeedPlans.id, plan.id), eq(childInNeedPlans.version, plan.version), isNull(childInNeedPlans.endDate))).returning({ id: childInNeedPlans.id });
  if (updated.length === 0) throw new ConflictError('Someone else changed this child in need plan since you opened it. Look at it again.');
  await recordAudit(tx, context, { action: 'cin-plan-ended', recordType: 'child-in-need-plan', recordId: plan.id, childId, details: { caseId: plan.caseId, endDate, endedBy } });
}

/**
 * A child protection plan starts (step-up) or the case closes: the child in need plan running on
 * the child's open case ends that day, so the two plans hand over rather than overlap (C19), and
 * nothing is left open after the closure (C18). Inside the caller's transaction.
 */
export async function endRunningCinPlan(tx: Queryable, context: ActionContext, input: { childId: string; on: string; endedBy: 'step-up' | 'case-closed' }): Promise<void> {
  const running = await tx.select().from(childInNeedPlans).where(and(eq(childInNeedPlans.childId, input.childId), isNull(childInNeedPlans.endDate)));
  for (const plan of running) {
    // A plan recorded as starting on the very day (or later) cannot end then: it is withdrawn as never having run alongside.
    if (plan.startDate >= input.on) {
      await tx.delete(childInNeedPlans).where(eq(childInNeedPlans.id, plan.id));
      await recordAudit(tx, context, { action: 'cin-plan-withdrawn', recordType: 'child-in-need-plan', recordId: plan.id, childId: input.childId, details: { caseId: plan.caseId, startDate: plan.startDate, because: input.endedBy } });
      continue;
    }
    await closeCinPlan(tx, context, input.childId, plan, input.on, input.endedBy);
  }
}

/**
 * A conference steps the child down to child in need (it ended the plan, or decided none is needed
 * and recommended a child in need plan): the plan starts that day on the child's open case, unless
 * one is already running. Inside the caller's transaction.
 */
export async function stepDownToChildInNeed(tx: Queryable, context: ActionContext, input: { caseId: string | null; childId: string; on: string }): Promise<void> {
  const [caseRow] = input.caseId
    ? await tx.select().from(cases).where(and(eq(cases.id, input.caseId), isNull(cases.closedOn)))
    : await tx.select().from(cases).where(and(eq(cases.childId, input.childId), isNull(cases.closedOn)));
  if (!caseRow) return;
  const setting = await settingOf(tx, caseRow, null);
  if (setting.cinPlans.some((p) => p.endDate === null)) return;
  // Only where the census would accept it: a step-down the same day the referral arrived, say, still passes; an overlap never happens here.
  if (cinPlanBreaches({ startDate: input.on, endDate: null }, setting).length) return;
  await insertCinPlan(tx, context, caseRow, input.on, 'step-down');
}
