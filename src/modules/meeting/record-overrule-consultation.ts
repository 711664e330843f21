import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetingDecisions } from '../../db/schema/index.js';
import { mayChairConference } from '../../policies/meeting.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { requireActor } from './common.js';
import { loadMeetingCore, subjectOf } from './meeting-state.js';
import { assertVersion, lostRace } from './stale.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/**
 * TS21 (Pan-Dorset): after overruling the conference the chair tells the senior managers, who
 * review the case; any further conference is held within four weeks. Recorded after the meeting too.
 */
export async function recordOverruleConsultation(
  db: Database,
  context: ActionContext,
  conferenceId: string,
  childId: string,
  input: { seniorManagersInformed: string; informedOn: string; version: number },
): Promise<void> {
  const state = await loadMeetingCore(db, conferenceId);
  if (!mayChairConference(context.actor, state.conference)) throw new ForbiddenError('Only the chair of this conference records this.');
  const actorId = requireActor(context);
  const child = subjectOf(state, childId);
  const [decision] = await db.select().from(meetingDecisions).where(and(eq(meetingDecisions.conferenceId, conferenceId), eq(meetingDecisions.childId, childId)));
  if (!decision) throw new NotFoundError('No decision is recorded for this child yet.');
  if (!decision.overrule) throw new ConflictError('The chair did not overrule the conference for this child.');
  await assertVersion(db, `The decision for ${child.name}`, decision, input.version);
  if (input.seniorManagersInformed.trim() === '') throw new ValidationError([{ field: 'seniorManagersInformed', message: 'Name the senior managers told' }]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.informedOn) || input.informedOn < (state.meeting?.conferenceDate ?? '')) {
    throw new ValidationError([{ field: 'informedOn', message: 'Give the date they were told, on or after the conference' }]);
  }
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, meetingDecisions, decision,
      { seniorManagersInformed: input.seniorManagersInformed.trim(), seniorManagersInformedOn: input.informedOn, updatedAt: context.now, updatedBy: actorId },
      () => lostRace(`The decision for ${child.name}`),
    );
    await recordAudit(tx, context, {
      action: 'overrule-senior-managers-informed', recordType: 'meeting-decision', recordId: decision.id, childId,
      details: { informedOn: input.informedOn },
    });
  });
}
