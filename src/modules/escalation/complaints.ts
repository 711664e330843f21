import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { complaints, conferenceChildren, conferences, conferenceStatusHistory } from '../../db/schema/index.js';
import { nextComplaintStage, type ComplaintStage, type ComplaintStep } from '../../domain/escalation/stages.js';
import { mayAdvanceComplaint, mayRecordComplaint } from '../../policies/escalation.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, conflictIfRefused } from '../shared/errors.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export interface NewComplaint {
  conferenceId: string;
  complainantName: string;
  complainantRelationship: string;
  about: 'process' | 'category' | 'plan-decision';
  details: string;
  receivedOn: string;
}

async function childIdsOf(db: Database, conferenceId: string): Promise<string[]> {
  const rows = await db.select({ childId: conferenceChildren.childId }).from(conferenceChildren).where(eq(conferenceChildren.conferenceId, conferenceId));
  return rows.map((r) => r.childId);
}

/** CO1: a family complaint starts with the chair (the informal stage). */
export async function recordComplaint(db: Database, context: ActionContext, input: NewComplaint): Promise<string> {
  if (!mayRecordComplaint(context.actor)) throw new ForbiddenError();
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, input.conferenceId));
  if (!conference) throw new NotFoundError('That conference does not exist.');
  const children = await childIdsOf(db, input.conferenceId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(complaints)
      .values({ ...input, stage: 'chair', history: [{ stage: 'chair', startedOn: input.receivedOn }], createdBy: context.actor?.id ?? null, createdAt: context.now })
      .returning({ id: complaints.id });
    if (!row) throw new Error('complaint insert returned nothing');
    for (const childId of children) {
      await recordAudit(tx, context, { action: 'complaint-recorded', recordType: 'complaint', recordId: row.id, childId });
    }
    return row.id;
  });
}

/**
 * Moves a complaint to its next stage. Upholding at the complaints procedure reconvenes the
 * conference under a different chair: a new conference is requested for business support to book.
 */
export async function advanceComplaint(
  db: Database,
  context: ActionContext,
  complaintId: string,
  input: { step: ComplaintStep; note: string; on: string; version: number },
): Promise<ComplaintStage> {
  if (!mayAdvanceComplaint(context.actor)) throw new ForbiddenError('Only the chair or a service manager moves a complaint on.');
  const [complaint] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
  if (!complaint) throw new NotFoundError('That complaint does not exist.');
  const next = conflictIfRefused(() => nextComplaintStage(complaint.stage as ComplaintStage, input.step));
  const children = await childIdsOf(db, complaint.conferenceId);
  await db.transaction(async (tx) => {
    const history = complaint.history.map((h, i) =>
      i === complaint.history.length - 1 ? { ...h, outcome: input.step, outcomeOn: input.on, note: input.note, by: context.actor?.displayName ?? 'system' } : h,
    );
    if (next !== 'closed') history.push({ stage: next, startedOn: input.on });
    let reconvenedConferenceId = complaint.reconvenedConferenceId;
    if (next === 'reconvened-conference') {
      const [original] = await tx.select().from(conferences).where(eq(conferences.id, complaint.conferenceId));
      if (!original) throw new NotFoundError('The original conference has gone.');
      const [reconvened] = await tx
        .insert(conferences)
        .values({
          householdId: original.householdId, kind: 'reconvened', status: 'requested', pack: original.pack,
          decisionToConveneOn: input.on, requestedBy: context.actor?.id ?? null, requestedAt: context.now,
          reconvenedFromId: original.id,
        })
        .returning({ id: conferences.id });
      if (!reconvened) throw new Error('conference insert returned nothing');
      reconvenedConferenceId = reconvened.id;
      const subjects = await tx.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, original.id));
      for (const s of subjects) {
        await tx.insert(conferenceChildren).values({ conferenceId: reconvened.id, caseId: s.caseId, childId: s.childId, role: s.role, childType: s.childType, likelyHarm: s.likelyHarm, harmFrom: s.harmFrom });
      }
      await tx.insert(conferenceStatusHistory).values({
        conferenceId: reconvened.id, fromStatus: null, toStatus: 'requested', event: 'reconvene-after-complaint', at: context.now, by: context.actor?.id ?? null,
        reason: `Complaint upheld: reconvene under a chair other than the original conference's chair.`,
        details: { complaintId, mustNotBeChairedBy: original.chairId },
      });
    }
    await updateAtVersion(
      tx, complaints, { id: complaintId, version: input.version }, { stage: next, history, reconvenedConferenceId, outcome: next === 'closed' ? input.step : complaint.outcome },
      () => new ConflictError('Someone else changed this complaint while you were working on it. Review it and try again.'),
    );
    for (const childId of children) {
      await recordAudit(tx, context, { action: 'complaint-advanced', recordType: 'complaint', recordId: complaintId, childId, details: { step: input.step, to: next } });
    }
  });
  return next;
}
