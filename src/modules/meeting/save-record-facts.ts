import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferenceRecords, meetings, type RecordFactsFlags } from '../../db/schema/index.js';
import { recordFormFor } from '../../domain/conference/record-rules.js';
import { mayChairConference } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { requireActor } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadMeetingCore } from './meeting-state.js';
import { fullMinutesFactsFor } from './record-facts.js';
import { assertVersion, lostRace } from './stale.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/**
 * RC1: what only the chair knows (PLO, a complaint, the head of service's direction, a new
 * section 47 or household member). While the record is a draft, its form follows the new facts.
 */
export async function saveRecordFacts(db: Database, context: ActionContext, conferenceId: string, input: { flags: RecordFactsFlags; version: number }): Promise<void> {
  const state = await loadMeetingCore(db, conferenceId);
  if (!mayChairConference(context.actor, state.conference)) throw new ForbiddenError('Only the chair of this conference records these facts.');
  const actorId = requireActor(context);
  const meeting = state.meeting;
  if (!meeting) throw new ConflictError('The meeting has not been opened yet.');
  await assertVersion(db, 'The meeting', meeting, input.version);
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, meetings, meeting, { recordFacts: input.flags, updatedAt: context.now, updatedBy: actorId }, () => lostRace('The meeting'));
    const [record] = await tx.select().from(conferenceRecords).where(eq(conferenceRecords.conferenceId, conferenceId));
    if (record && record.status === 'draft') {
      const form = recordFormFor(state.rules.record, await fullMinutesFactsFor(tx, conferenceId));
      await tx.update(conferenceRecords).set({ form: form.form, formReasons: form.reasons }).where(eq(conferenceRecords.id, record.id));
    }
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), { action: 'record-facts-saved', recordType: 'meeting', recordId: meeting.id, details: { ...input.flags } });
  });
}
