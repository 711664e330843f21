import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferenceRecords, conferenceRecordVersions } from '../../db/schema/index.js';
import { missingSections, recordSectionsFor } from '../../domain/conference/record-sections.js';
import type { RecordForm } from '../../domain/conference/record-rules.js';
import { mayChairConference, mayDraftRecord } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { recordMeetingEvent, requireActor } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { assertInformationSharingDecided } from './information-sharing.js';
import { loadMeetingState } from './meeting-state.js';
import { recordForStep } from './record-state.js';
import { lostRace } from './stale.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** RC1: only the chair approves the record; what is approved is the latest saved version, complete. */
export async function approveRecord(db: Database, context: ActionContext, conferenceId: string, input: { version: number }): Promise<number> {
  const state = await loadMeetingState(db, conferenceId);
  if (!mayChairConference(context.actor, state.conference)) throw new ForbiddenError('Only the chair of this conference approves the record.');
  const actorId = requireActor(context);
  const { record, to } = await recordForStep(db, conferenceId, input.version, 'approve');
  const [saved] = await db
    .select()
    .from(conferenceRecordVersions)
    .where(and(eq(conferenceRecordVersions.recordId, record.id), eq(conferenceRecordVersions.number, record.currentVersion)));
  const missing = missingSections(recordSectionsFor(record.form as RecordForm, state.rules.record), saved?.sections ?? {});
  if (missing.length > 0) {
    throw new ValidationError(missing.map((s) => ({ field: `sections.${s.key}`, message: `Write the "${s.heading}" section before approving` })));
  }
  // RC6: where the police took part, what may be shared with the family is settled before the record is final.
  await assertInformationSharingDecided(db, state);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, conferenceRecords, record,
      { status: to, approvedVersion: record.currentVersion, approvedBy: actorId, approvedAt: context.now, updatedAt: context.now, updatedBy: actorId },
      () => lostRace('The record'),
    );
    await recordMeetingEvent(tx, context, { conferenceId, subject: 'record', from: record.status, to, event: 'approve', details: { number: record.currentVersion } });
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), {
      action: 'record-approved', recordType: 'conference-record', recordId: record.id, details: { number: record.currentVersion },
    });
  });
  return record.currentVersion;
}

/** A correction after approval: back to draft, so the chair approves what is sent next. */
export async function reviseRecord(db: Database, context: ActionContext, conferenceId: string, input: { version: number }): Promise<void> {
  if (!mayDraftRecord(context.actor)) throw new ForbiddenError();
  const actorId = requireActor(context);
  const state = await loadMeetingState(db, conferenceId);
  const { record, to } = await recordForStep(db, conferenceId, input.version, 'revise');
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, conferenceRecords, record, { status: to, updatedAt: context.now, updatedBy: actorId }, () => lostRace('The record'));
    await recordMeetingEvent(tx, context, { conferenceId, subject: 'record', from: record.status, to, event: 'revise' });
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), { action: 'record-reopened', recordType: 'conference-record', recordId: record.id });
  });
}
