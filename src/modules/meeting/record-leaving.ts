import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetingAttendance } from '../../db/schema/index.js';
import { isFamilyKind } from '../../domain/conference/agencies.js';
import { inAgendaOrder, partsFrom, type MeetingPart } from '../../domain/conference/meeting-parts.js';
import { recordScopeProblems } from '../../domain/participation/exclusion.js';
import type { ActionContext } from '../shared/action-context.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { openMeetingForEdit } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadAttendee, type AttendanceRow } from './meeting-state.js';
import { assertVersion, lostRace } from './stale.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export interface LeavingInput {
  part: MeetingPart;
  at: Date;
  /** Left for this part only (and came back), or for the rest of the conference. */
  forRest: boolean;
  /** The chair asked them to leave (an exclusion, EX2), or they chose to go. */
  askedToLeave: boolean;
  reason: string | null;
  /** EX3: when the chair asks a family member to leave, the record they will get, and the ground for withholding the rest. */
  recordScope?: 'whole' | 'attended-part' | null;
  recordWithheldGround?: string | null;
  version: number;
}

/**
 * Someone leaves, for one part or for the rest (CF3). When the chair asks a family member to
 * leave, the parts they miss are exclusions (EX3: their copy of the record leaves them out) and
 * anyone there to support them leaves with them (EX4). Returns the names of everyone who left.
 */
export async function recordLeaving(db: Database, context: ActionContext, conferenceId: string, attendanceId: string, input: LeavingInput): Promise<string[]> {
  const { subjects, actorId } = await openMeetingForEdit(db, context, conferenceId);
  const person = await loadAttendee(db, conferenceId, attendanceId);
  if (!person) throw new NotFoundError('That person is not on the attendance list.');
  await assertVersion(db, `${person.name}'s attendance`, person, input.version);
  if (person.status !== 'present') throw new ValidationError([{ field: 'part', message: `${person.name} is not recorded as present` }]);
  if (input.askedToLeave && !input.reason) throw new ValidationError([{ field: 'reason', message: 'Give the reason the chair asked them to leave' }]);

  const missed = input.forRest ? partsFrom(input.part) : [input.part];
  const recordScope = input.recordScope ?? (person.excludedParts.length > 0 ? (person.recordScope === 'whole' ? 'whole' : 'attended-part') : null);
  const ground = recordScope === 'attended-part' ? (input.recordWithheldGround ?? person.recordWithheldGround) : null;
  const decidesRecord = input.askedToLeave && isFamilyKind(person.kind);
  if (decidesRecord) {
    const problems = recordScopeProblems({ excludedParts: [...person.excludedParts, ...missed], recordScope, ground });
    if (problems.length > 0) throw new ValidationError(problems);
  }
  const supporters = input.askedToLeave && isFamilyKind(person.kind)
    ? await db.select().from(meetingAttendance)
      .where(and(eq(meetingAttendance.conferenceId, conferenceId), eq(meetingAttendance.supportsAttendanceId, person.id), eq(meetingAttendance.status, 'present')))
      .orderBy(asc(meetingAttendance.createdAt), asc(meetingAttendance.name))
    : [];
  const leaving: AttendanceRow[] = [person, ...supporters];
  await db.transaction(async (tx) => {
    for (const a of leaving) {
      await updateAtVersion(tx, meetingAttendance, a, {
        partsAttended: inAgendaOrder(a.partsAttended.filter((p) => !missed.includes(p as MeetingPart))),
        excludedParts: input.askedToLeave ? inAgendaOrder([...a.excludedParts, ...missed]) : a.excludedParts,
        leftAt: input.at,
        leftDuringPart: input.part,
        leftReason: a.id === person.id ? input.reason : `Left with ${person.name}, whom they support`,
        ...(decidesRecord && isFamilyKind(a.kind) ? { recordScope: recordScope ?? 'attended-part', recordWithheldGround: ground } : {}),
        updatedAt: context.now,
        updatedBy: actorId,
      }, () => lostRace(`${a.name}'s attendance`));
    }
    await auditForChildren(tx, context, subjects.map((c) => c.childId), {
      action: input.askedToLeave ? 'attendee-excluded-from-part' : 'attendee-left',
      recordType: 'meeting-attendance', recordId: person.id, reason: input.reason,
      details: { missed, forRest: input.forRest, supportersLeaving: supporters.map((s) => s.id), ...(decidesRecord ? { recordScope, recordWithheldGround: ground } : {}) },
    });
  });
  return leaving.map((a) => a.name);
}
