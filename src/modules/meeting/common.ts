import type { Queryable } from '../../db/client.js';
import { meetingEvents } from '../../db/schema/index.js';
import { meetingEditable } from '../../domain/conference/meeting-transitions.js';
import { mayRunMeeting } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { loadMeetingCore, type MeetingCore, type MeetingRow } from './meeting-state.js';

/** Attendance, views, decisions and the outline plan change only while the meeting is open. */
export function requireOpenMeeting(state: Pick<MeetingCore, 'meeting' | 'meetingStatus'>): MeetingRow {
  if (!state.meeting) throw new ConflictError('The meeting has not been opened yet: open it from the conference screen first.');
  if (!meetingEditable(state.meetingStatus)) {
    throw new ConflictError('The meeting has ended, so this can no longer be changed. Corrections go in the record of the conference.');
  }
  return state.meeting;
}

export function requireActor(context: ActionContext): string {
  if (!context.actor) throw new ForbiddenError();
  return context.actor.id;
}

/** An open meeting as the chair and minute taker's forms change it, with who is changing it. */
export interface MeetingForEdit extends MeetingCore {
  meeting: MeetingRow;
  actorId: string;
}

/**
 * What the chair and minute taker's forms check before they write (CF3, DC2, PL1): that this person
 * runs meetings, that the meeting is open, and who the subject children are. Only the conference,
 * its meeting and its children are read; each action then reads just the rows its own rule needs.
 */
export async function openMeetingForEdit(db: Queryable, context: ActionContext, conferenceId: string): Promise<MeetingForEdit> {
  if (!mayRunMeeting(context.actor)) throw new ForbiddenError();
  const actorId = requireActor(context);
  const core = await loadMeetingCore(db, conferenceId);
  return { ...core, meeting: requireOpenMeeting(core), actorId };
}

export async function recordMeetingEvent(
  db: Queryable,
  context: ActionContext,
  event: { conferenceId: string; subject: 'meeting' | 'record'; from: string | null; to: string; event: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(meetingEvents).values({
    conferenceId: event.conferenceId,
    subject: event.subject,
    fromStatus: event.from,
    toStatus: event.to,
    event: event.event,
    at: context.now,
    by: context.actor?.id ?? null,
    details: event.details ?? null,
  });
}

export const blankToNull = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

/** A unique index refused the row: two people did the same thing at once. Both engines report 23505. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
