import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  assessments, cases, recordDisposals, referrals, retentionHolds, section47Enquiries, workerChangeRequests,
} from '../../db/schema/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { RETENTION_RECORD_TYPES } from '../../domain/packs/retention.js';
import { disposalRefusal } from '../../domain/records/retention.js';
import { mayApproveDisposal, mayReviewRetentionOf } from '../../policies/records.js';
import { recordAudit } from '../audit/record-audit.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { caseRetentionFor, type CaseRetention } from './retention-facts.js';
import { clearCaseEverywhere, DISPOSED_PERSON } from './clear-case-everywhere.js';
import { loadUserNames } from '../accounts/load-user-names.js';
import { bumpVersion, updateAtVersion } from '../shared/versioned-update.js';

/** What a disposal leaves of the child's person record: no name, date, address or identifier. */
export const DISPOSED_NAME = DISPOSED_PERSON;

async function loadFor(db: Database, context: ActionContext, caseId: string, pack: PackId): Promise<CaseRetention> {
  const [found] = await caseRetentionFor(db, [caseId], pack);
  // 404, not 403: another authority's staff do not learn the case exists.
  if (!found || !mayReviewRetentionOf(context.actor, found.organisationId)) throw new NotFoundError('We could not find that case.');
  return found;
}

const today = (context: ActionContext) => londonDateOf(context.now).toString();

/**
 * RC7: the retention page of one case (audited as a read of the child's record): each record's
 * review date, the hold, the disposal in progress, and the names of who proposed it.
 */
export async function loadRetentionCase(db: Database, context: ActionContext, caseId: string, pack: PackId) {
  const r = await loadFor(db, context, caseId, pack);
  await recordAudit(db, context, { action: 'child-record-viewed', recordType: 'retention-review', recordId: caseId, childId: r.childId });
  const names = r.disposal ? await loadUserNames(db, [r.disposal.proposedBy, r.disposal.approvedBy]) : new Map<string, string>();
  const refusal = disposalRefusal({ due: r.due, today: today(context), legalHoldReason: r.hold?.reason ?? null, disposedAt: r.disposal?.disposedAt ?? null });
  return {
    ...r, today: today(context), refusal,
    recordRows: r.due.records.map((d) => ({ ...d, label: RETENTION_RECORD_TYPES[d.type] })),
    proposedByName: r.disposal ? (names.get(r.disposal.proposedBy) ?? 'Unknown') : null,
    approvedByName: r.disposal?.approvedBy ? (names.get(r.disposal.approvedBy) ?? 'Unknown') : null,
  };
}

/** RC7: a legal hold keeps the case whatever its date (care proceedings, a complaint, an inquiry), with the reason. */
export async function setLegalHold(db: Database, context: ActionContext, caseId: string, reason: string, pack: PackId): Promise<void> {
  const r = await loadFor(db, context, caseId, pack);
  if (!reason.trim()) throw new ValidationError([{ field: 'reason', message: 'Give the reason for the legal hold' }]);
  if (r.disposal?.status === 'disposed') throw new ConflictError('This case has already been disposed of.');
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(retentionHolds).values({ caseId, reason: reason.trim(), setBy: context.actor?.id ?? null, setAt: context.now }).onConflictDoNothing().returning({ id: retentionHolds.id });
    if (inserted.length === 0) throw new ConflictError('This case is already under a legal hold.');
    await recordAudit(tx, context, { action: 'retention-hold-set', recordType: 'case', recordId: caseId, childId: r.childId, reason: reason.trim() });
  });
}

export async function liftLegalHold(db: Database, context: ActionContext, caseId: string, reason: string, pack: PackId): Promise<void> {
  const r = await loadFor(db, context, caseId, pack);
  if (!reason.trim()) throw new ValidationError([{ field: 'reason', message: 'Give the reason the hold is lifted' }]);
  await db.transaction(async (tx) => {
    const lifted = await tx.update(retentionHolds).set({ liftedAt: context.now, liftedBy: context.actor?.id ?? null, liftReason: reason.trim() })
      .where(and(eq(retentionHolds.caseId, caseId), isNull(retentionHolds.liftedAt))).returning({ id: retentionHolds.id });
    if (lifted.length === 0) throw new ConflictError('This case is not under a legal hold.');
    await recordAudit(tx, context, { action: 'retention-hold-lifted', recordType: 'case', recordId: caseId, childId: r.childId, reason: reason.trim() });
  });
}

/** RC7, first pair of eyes: a case due for review, closed and not held, is proposed for disposal. */
export async function proposeDisposal(db: Database, context: ActionContext, caseId: string, pack: PackId): Promise<string> {
  const r = await loadFor(db, context, caseId, pack);
  const refusal = disposalRefusal({ due: r.due, today: today(context), legalHoldReason: r.hold?.reason ?? null, disposedAt: r.disposal?.disposedAt ?? null });
  if (refusal) throw new ConflictError(refusal);
  if (r.disposal) throw new ConflictError('A disposal of this case is already proposed.');
  const type = r.due.governingType!;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(recordDisposals).values({
      caseId, childId: r.childId, organisationId: r.organisationId, status: 'proposed', recordType: type,
      scheduleEntry: { ...r.schedule.entries[type], pack }, dueOn: r.due.caseDueOn!, recordIds: r.recordIds,
      proposedBy: context.actor!.id, proposedAt: context.now,
    }).onConflictDoNothing().returning({ id: recordDisposals.id });
    if (!row) throw new ConflictError('A disposal of this case is already proposed.');
    await recordAudit(tx, context, { action: 'disposal-proposed', recordType: 'record-disposal', recordId: row.id, childId: r.childId, details: { caseId, recordType: type, dueOn: r.due.caseDueOn } });
    return row.id;
  });
}

export async function withdrawDisposal(db: Database, context: ActionContext, caseId: string, pack: PackId): Promise<void> {
  const r = await loadFor(db, context, caseId, pack);
  if (r.disposal?.status !== 'proposed') throw new ConflictError('No disposal of this case is waiting.');
  await db.transaction(async (tx) => {
    // Guarded by its state: whoever withdraws first while it is proposed wins, whatever version they saw.
    const done = await bumpVersion(tx, recordDisposals, and(eq(recordDisposals.id, r.disposal!.id), eq(recordDisposals.status, 'proposed')), { status: 'withdrawn', withdrawnBy: context.actor?.id ?? null, withdrawnAt: context.now });
    if (done.length === 0) throw new ConflictError('Someone else has acted on this disposal since you opened it.');
    await recordAudit(tx, context, { action: 'disposal-withdrawn', recordType: 'record-disposal', recordId: r.disposal!.id, childId: r.childId, details: { caseId } });
  });
}

/**
 * RC7, second pair of eyes, irreversible: a different person approves, and in one transaction the
 * child's personal data is removed (name, dates, identifiers, addresses, the matcher's keys) and the
 * free text of the case's own referrals, assessments, section 47s and requests is cleared. The
 * disposal row stays as the stub (type, ids, schedule entry, dates, who proposed and approved), and
 * an audit row says the same; the audit trail itself is not touched, so its hash chain still verifies.
 */
export async function approveDisposal(db: Database, context: ActionContext, caseId: string, version: number, pack: PackId): Promise<void> {
  const r = await loadFor(db, context, caseId, pack);
  const disposal = r.disposal;
  if (disposal?.status !== 'proposed') throw new ConflictError(disposal?.status === 'disposed' ? 'This case has already been disposed of.' : 'No disposal of this case is waiting for approval.');
  if (!mayApproveDisposal(context.actor, disposal)) throw new ForbiddenError('A disposal is approved by a second person: not the one who proposed it.');
  // Checked again at approval: the case may have reopened or been held since it was proposed.
  const refusal = disposalRefusal({ due: r.due, today: today(context), legalHoldReason: r.hold?.reason ?? null, disposedAt: null });
  if (refusal) throw new ConflictError(refusal);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, recordDisposals, { id: disposal.id, version }, { status: 'disposed', approvedBy: context.actor!.id, disposedAt: context.now, recordIds: r.recordIds },
      () => new ConflictError('Someone else has acted on this disposal since you opened it.'),
      eq(recordDisposals.status, 'proposed'),
    );
    const [still] = await tx.select({ closedOn: cases.closedOn }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (!still?.closedOn) throw new ConflictError('The case is open: an open case is never disposed of.');
    const [held] = await tx.select({ id: retentionHolds.id }).from(retentionHolds).where(and(eq(retentionHolds.caseId, caseId), isNull(retentionHolds.liftedAt)));
    if (held) throw new ConflictError('The case is under a legal hold.');

    // Names out of every table that holds the case's record, recordings and files deleted (clear-case-everywhere.ts).
    const cleared = await clearCaseEverywhere(tx, { caseId, childId: r.childId, now: context.now });
    await tx.update(referrals).set({
      referrerName: null, referrerRole: null, referrerOrganisation: null, natureOfConcerns: DISPOSED_NAME, howConcernsArose: DISPOSED_NAME, needs: null, referrerInvolvement: null, decisionReasons: null,
    }).where(eq(referrals.caseId, caseId));
    await tx.update(assessments).set({ summary: null, factors: [] }).where(eq(assessments.caseId, caseId));
    await tx.update(section47Enquiries).set({ outcomeReasons: null, childSeen: [] }).where(eq(section47Enquiries.caseId, caseId));
    await tx.update(workerChangeRequests).set({ requestedBy: DISPOSED_NAME, reasons: DISPOSED_NAME, decisionReasons: null }).where(eq(workerChangeRequests.caseId, caseId));

    await recordAudit(tx, context, {
      action: 'records-disposed', recordType: 'record-disposal', recordId: disposal.id, childId: r.childId,
      details: {
        caseId, recordType: disposal.recordType, dueOn: disposal.dueOn, scheduleEntry: disposal.scheduleEntry, recordIds: r.recordIds, proposedBy: disposal.proposedBy, approvedBy: context.actor!.id,
        tablesCleared: cleared.tables, recordingsDisposed: cleared.recordingsDisposed, familyRecordsDisposed: cleared.familyDisposed,
      },
    });
  });
}
