import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferences, dissents, practiceConcerns } from '../../db/schema/index.js';
import { nextDissentStage, type DissentStage, type DissentStep } from '../../domain/escalation/stages.js';
import { mayDecideDissent, mayRaisePracticeConcern, mayRecordDissent, mayResolvePracticeConcern } from '../../policies/escalation.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, conflictIfRefused } from '../shared/errors.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export async function recordDissent(
  db: Database,
  context: ActionContext,
  input: { conferenceId: string; childId?: string | null; professionalName: string; agency: string; view: string; raisedWith: string; raisedOn: string },
): Promise<string> {
  if (!mayRecordDissent(context.actor)) throw new ForbiddenError();
  const [conference] = await db.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, input.conferenceId));
  if (!conference) throw new NotFoundError('That conference does not exist.');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dissents)
      .values({ ...input, childId: input.childId ?? null, stage: 'raised', createdBy: context.actor?.id ?? null, createdAt: context.now })
      .returning({ id: dissents.id });
    if (!row) throw new Error('dissent insert returned nothing');
    await recordAudit(tx, context, { action: 'dissent-recorded', recordType: 'dissent', recordId: row.id, childId: input.childId ?? null });
    return row.id;
  });
}

/** CO2: the manager alerts the service manager, who upholds the decision or brings the review forward. */
export async function advanceDissent(
  db: Database,
  context: ActionContext,
  dissentId: string,
  input: { step: DissentStep; note: string; version: number },
): Promise<DissentStage> {
  const deciding = input.step !== 'alert-service-manager';
  if (deciding ? !mayDecideDissent(context.actor) : !mayRecordDissent(context.actor)) {
    throw new ForbiddenError(deciding ? 'Only a service manager decides on professional dissent.' : undefined);
  }
  const [dissent] = await db.select().from(dissents).where(eq(dissents.id, dissentId));
  if (!dissent) throw new NotFoundError('That dissent does not exist.');
  const next = conflictIfRefused(() => nextDissentStage(dissent.stage as DissentStage, input.step));
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, dissents, { id: dissentId, version: input.version },
      { stage: next, decisionNote: input.note, decidedBy: deciding ? (context.actor?.id ?? null) : dissent.decidedBy, decidedAt: deciding ? context.now : dissent.decidedAt },
      () => new ConflictError('Someone else changed this dissent while you were working on it. Review it and try again.'),
    );
    await recordAudit(tx, context, { action: 'dissent-advanced', recordType: 'dissent', recordId: dissentId, childId: dissent.childId, details: { step: input.step, to: next } });
  });
  return next;
}

export async function raisePracticeConcern(
  db: Database,
  context: ActionContext,
  input: { conferenceId?: string | null; raisedWith: string; agency: string; concern: string; raisedOn: string },
): Promise<string> {
  if (!mayRaisePracticeConcern(context.actor) || !context.actor) throw new ForbiddenError('Only a chair raises practice concerns.');
  const actor = context.actor;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(practiceConcerns)
      .values({ ...input, conferenceId: input.conferenceId ?? null, raisedBy: actor.id, createdAt: context.now })
      .returning({ id: practiceConcerns.id });
    if (!row) throw new Error('concern insert returned nothing');
    await recordAudit(tx, context, { action: 'practice-concern-raised', recordType: 'practice-concern', recordId: row.id });
    return row.id;
  });
}

export async function resolvePracticeConcern(db: Database, context: ActionContext, id: string, input: { resolution: string; resolvedOn: string }): Promise<void> {
  if (!mayResolvePracticeConcern(context.actor)) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(practiceConcerns).where(eq(practiceConcerns.id, id));
    if (!existing) throw new NotFoundError('That practice concern does not exist.');
    if (existing.resolvedOn) throw new ConflictError('This concern is already resolved.');
    if (input.resolvedOn < existing.raisedOn) throw new ConflictError('A concern cannot be resolved before it was raised.');
    await tx.update(practiceConcerns).set(input).where(eq(practiceConcerns.id, id));
    await recordAudit(tx, context, { action: 'practice-concern-resolved', recordType: 'practice-concern', recordId: id });
  });
}
