import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { cases, emergencyResponsibility, people } from '../../db/schema/index.js';
import {
  answerProblems, consultationProblems, emergencyOutstanding, emergencyStatus, whyResponsibilityCannotPass, type AnswerInput, type ConsultationInput,
} from '../../domain/transfers/other-authority-children.js';
import { mayHandleTransfers } from '../../policies/escalation.js';
import type { Actor } from '../../policies/roles.js';
import { assertChildAccess } from '../access/child-record-access.js';
import { auditChildReads } from '../audit/child-access.js';
import { recordAudit } from '../audit/record-audit.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { updateAtVersion } from '../shared/versioned-update.js';

const savedMeanwhile = () => new ConflictError('Someone else saved this since you opened it. Open it again to see their changes.');

export type EmergencyRow = typeof emergencyResponsibility.$inferSelect;
const today = (ctx: ActionContext) => londonDateOf(ctx.now).toString();
const nameOf = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`.trim();

function guard(ctx: ActionContext): Actor {
  if (!ctx.actor || !mayHandleTransfers(ctx.actor)) throw new ForbiddenError();
  return ctx.actor;
}

/** Children with an open case of this person's authority: those whose emergency it can record. */
export async function childrenForEmergency(db: Queryable, actor: Actor) {
  const rows = await db
    .selectDistinct({ id: people.id, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth })
    .from(cases)
    .innerJoin(people, eq(cases.childId, people.id))
    .where(and(eq(cases.organisationId, actor.organisationId), isNull(cases.closedOn)))
    .orderBy(asc(people.familyName), asc(people.givenNames))
    .limit(500);
  return rows.map((r) => ({ value: r.id, text: `${nameOf(r)}${r.dateOfBirth ? ` (${r.dateOfBirth})` : ''}` }));
}

/**
 * TR3 (`002` 2.56): a child found here needing emergency action, on another authority's plan or
 * looked after by it: the action we took and that authority consulted. Responsibility stays ours.
 */
export async function recordEmergencyConsultation(db: Database, ctx: ActionContext, childId: string, input: ConsultationInput): Promise<string> {
  guard(ctx);
  await assertChildAccess(db, ctx.actor, childId);
  const problems = consultationProblems(input, today(ctx));
  if (problems.length) throw new ValidationError(problems);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(emergencyResponsibility).values({
      childId, responsibleAuthority: input.responsibleAuthority.trim(), responsibleBecause: input.responsibleBecause!, emergencyAction: input.emergencyAction.trim(),
      foundOn: input.foundOn!, consultedOn: input.consultedOn!, consultedName: input.consultedName.trim(), status: 'consulting',
      recordedBy: ctx.actor?.id ?? null, recordedAt: ctx.now,
    }).returning({ id: emergencyResponsibility.id });
    await recordAudit(tx, ctx, { action: 'emergency-authority-consulted', recordType: 'emergency-responsibility', recordId: row!.id, childId, details: { authority: input.responsibleAuthority.trim() } });
    return row!.id;
  });
}

/** One consultation with the child's name, opened by someone who may see the child; audited as a read. */
export async function loadEmergency(db: Queryable, ctx: ActionContext, id: string) {
  guard(ctx);
  const [row] = await db.select({ e: emergencyResponsibility, givenNames: people.givenNames, familyName: people.familyName })
    .from(emergencyResponsibility).innerJoin(people, eq(emergencyResponsibility.childId, people.id)).where(eq(emergencyResponsibility.id, id));
  if (!row) throw new NotFoundError('We could not find that record.');
  await auditChildReads(db, ctx, [row.e.childId], { recordType: 'emergency-responsibility', recordId: id });
  return { ...row.e, childName: nameOf(row), status: emergencyStatus(row.e), cannotPass: whyResponsibilityCannotPass(row.e) };
}

/** Their answer, and once they accept, the written confirmation (now or later). Not after responsibility has passed. */
export async function recordTheirAnswer(db: Database, ctx: ActionContext, id: string, input: AnswerInput & { version: number }): Promise<void> {
  const e = await loadEmergency(db, ctx, id);
  if (e.passedAt) throw new ConflictError('Responsibility has already passed to them.');
  const problems = answerProblems(input, { consultedOn: e.consultedOn, today: today(ctx) });
  if (problems.length) throw new ValidationError(problems);
  const values = { theirAnswer: input.answer, answeredOn: input.answeredOn, writtenConfirmationOn: input.writtenConfirmationOn, writtenConfirmationReference: input.writtenConfirmationReference.trim() };
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, emergencyResponsibility, { id, version: input.version }, { ...values, status: emergencyStatus({ ...values, passedAt: null }) }, savedMeanwhile,
      isNull(emergencyResponsibility.passedAt),
    );
    await recordAudit(tx, ctx, {
      action: values.writtenConfirmationOn ? 'emergency-acceptance-confirmed-in-writing' : 'emergency-authority-answered', recordType: 'emergency-responsibility', recordId: id, childId: e.childId,
      details: { answer: values.theirAnswer },
    });
  });
}

/** Responsibility passes to the other authority: refused until it has explicitly accepted and confirmed that in writing. */
export async function passResponsibility(db: Database, ctx: ActionContext, id: string, input: { version: number }): Promise<void> {
  const e = await loadEmergency(db, ctx, id);
  if (e.cannotPass) throw new ConflictError(e.cannotPass);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, emergencyResponsibility, { id, version: input.version }, { status: 'passed', passedAt: ctx.now, passedBy: ctx.actor?.id ?? null }, savedMeanwhile,
      isNull(emergencyResponsibility.passedAt),
    );
    await recordAudit(tx, ctx, { action: 'emergency-responsibility-passed', recordType: 'emergency-responsibility', recordId: id, childId: e.childId, details: { authority: e.responsibleAuthority } });
  });
}

/** Every consultation of this authority's children, newest first, with whether it is still to act on. */
export async function listEmergencies(db: Queryable, actor: Actor) {
  const rows = await db.select({ e: emergencyResponsibility, givenNames: people.givenNames, familyName: people.familyName })
    .from(emergencyResponsibility)
    .innerJoin(people, eq(emergencyResponsibility.childId, people.id))
    .innerJoin(cases, and(eq(cases.childId, emergencyResponsibility.childId), eq(cases.organisationId, actor.organisationId)))
    .orderBy(desc(emergencyResponsibility.recordedAt))
    .limit(200);
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.e.id) ? false : (seen.add(r.e.id), true)))
    .map((r) => ({ ...r.e, childName: nameOf(r), status: emergencyStatus(r.e), outstanding: emergencyOutstanding(r.e) }));
}

/** How many of a child's emergency consultations the case page shows. */
const EMERGENCIES_SHOWN = 20;

/** A child's consultations, newest first, as one list of `listsInOneRead` (the case page reads it with the case's other lists). */
export function emergenciesList(childId: string) {
  return { table: emergencyResponsibility, where: eq(emergencyResponsibility.childId, childId), orderBy: desc(emergencyResponsibility.recordedAt) };
}

/**
 * TR3 on the child's case page: the newest 20 of a child's consultations (newest first), each with
 * where responsibility stands, so the case shows the duty stays here until it has passed.
 */
export function describeEmergencies(rows: (typeof emergencyResponsibility.$inferSelect)[]) {
  return rows.slice(0, EMERGENCIES_SHOWN).map((e) => ({ ...e, status: emergencyStatus(e) }));
}
