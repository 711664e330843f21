import type { Database } from '../../db/client.js';
import { conferenceRecords, conferenceRecordVersions } from '../../db/schema/index.js';
import { recordSectionsFor } from '../../domain/conference/record-sections.js';
import type { RecordForm } from '../../domain/conference/record-rules.js';
import { mayDraftRecord } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError } from '../shared/errors.js';
import { recordMeetingEvent, requireActor } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadMeetingState } from './meeting-state.js';
import { recordForStep } from './record-state.js';
import { lostRace } from './stale.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** RC2: the minute taker saves the written sections; every save is kept as a new version. Returns the version number. */
export async function saveRecordDraft(
  db: Database,
  context: ActionContext,
  conferenceId: string,
  input: { sections: Record<string, string>; version: number },
): Promise<number> {
  if (!mayDraftRecord(context.actor)) throw new ForbiddenError();
  const actorId = requireActor(context);
  const state = await loadMeetingState(db, conferenceId);
  const { record, to } = await recordForStep(db, conferenceId, input.version, 'save');
  const keys = recordSectionsFor(record.form as RecordForm, state.rules.record).map((s) => s.key);
  const sections = Object.fromEntries(keys.map((k) => [k, (input.sections[k] ?? '').trim()]));
  const number = record.currentVersion + 1;
  return db.transaction(async (tx) => {
    await updateAtVersion(tx, conferenceRecords, record, { status: to, currentVersion: number, updatedAt: context.now, updatedBy: actorId }, () => lostRace('The record'));
    await tx.insert(conferenceRecordVersions).values({ recordId: record.id, number, sections, savedBy: actorId, savedAt: context.now });
    await recordMeetingEvent(tx, context, { conferenceId, subject: 'record', from: record.status, to, event: 'save', details: { number } });
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), {
      action: 'record-draft-saved', recordType: 'conference-record', recordId: record.id, details: { number },
    });
    return number;
  });
}
