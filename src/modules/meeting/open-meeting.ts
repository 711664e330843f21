import type { Database } from '../../db/client.js';
import { meetingAttendance, meetings } from '../../db/schema/index.js';
import { nextMeetingStatus, StepRefused } from '../../domain/conference/meeting-transitions.js';
import { canTransition } from '../../domain/conference/transitions.js';
import { isConferenceStatus } from '../../domain/conference/transitions.js';
import { mayRunMeeting } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { isUniqueViolation, recordMeetingEvent, requireActor } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { loadMeetingCore } from './meeting-state.js';
import { attendeesFromInvitations } from './seed-attendance.js';

/**
 * Opens the meeting on the day it is booked for: the attendance list starts from the invitations
 * (CF3), with the chair and minute taker present.
 */
export async function openMeeting(db: Database, context: ActionContext, conferenceId: string): Promise<string> {
  if (!mayRunMeeting(context.actor)) throw new ForbiddenError();
  const actorId = requireActor(context);
  const state = await loadMeetingCore(db, conferenceId);
  const { conference } = state;
  let to;
  try {
    to = nextMeetingStatus(state.meetingStatus, 'open');
  } catch (error) {
    if (error instanceof StepRefused) throw new ConflictError(error.message);
    throw error;
  }
  if (!isConferenceStatus(conference.status) || !canTransition(conference.status, 'hold')) {
    throw new ConflictError('The meeting can be opened only once the conference is booked and its invitations have been sent.');
  }
  if (!conference.scheduledStart) throw new ConflictError('The conference has no date yet: book it first.');
  const conferenceDate = londonIsoDate(conference.scheduledStart);
  if (conferenceDate !== londonIsoDate(context.now)) {
    throw new ConflictError(`The conference is booked for ${conferenceDate}. Open the meeting on that day, or rearrange the conference first.`);
  }
  const seeded = await attendeesFromInvitations(db, conference);
  try {
    return await db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(meetings)
      .values({ conferenceId, status: to, conferenceDate, openedAt: context.now, openedBy: actorId, updatedAt: context.now, updatedBy: actorId })
      .returning({ id: meetings.id });
    if (!meeting) throw new Error('meeting insert returned nothing');
    if (seeded.length > 0) {
      await tx.insert(meetingAttendance).values(
        seeded.map((s) => ({ ...s, conferenceId, createdAt: context.now, updatedAt: context.now, updatedBy: actorId })),
      );
    }
    await recordMeetingEvent(tx, context, { conferenceId, subject: 'meeting', from: null, to, event: 'open' });
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), {
      action: 'meeting-opened', recordType: 'conference', recordId: conferenceId, details: { attendees: seeded.length },
    });
    return meeting.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('Someone else opened the meeting just now: reload the conference screen.');
    throw error;
  }
}
