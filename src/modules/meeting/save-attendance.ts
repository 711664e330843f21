import type { Database } from '../../db/client.js';
import { meetingAttendance } from '../../db/schema/index.js';
import { isFamilyKind, type AgencyId, type AttendanceStatus, type AttendeeKind } from '../../domain/conference/agencies.js';
import { MEETING_PARTS, MEETING_PART_LABELS, inAgendaOrder, type MeetingPart } from '../../domain/conference/meeting-parts.js';
import { recordScopeProblems } from '../../domain/participation/exclusion.js';
import type { ActionContext } from '../shared/action-context.js';
import { NotFoundError, ValidationError, type FieldError } from '../shared/errors.js';
import { openMeetingForEdit } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadAttendee, type AttendanceRow, type MeetingChild } from './meeting-state.js';
import { assertVersion, lostRace } from './stale.js';
import { saveVersioned } from '../shared/versioned-update.js';

export interface AttendanceInput {
  kind: AttendeeKind;
  name: string;
  agency: AgencyId | null;
  organisationName: string | null;
  role: string;
  status: AttendanceStatus;
  onBehalfOf: string | null;
  partsAttended: readonly MeetingPart[];
  directContactChildIds: readonly string[];
  writtenReportSubmitted: boolean;
  writtenReportPresented: boolean;
  supportsAttendanceId: string | null;
  recordScope: 'attended-part' | 'whole';
  recordScopeGrounds: string | null;
  /** EX3: the ground for giving an excluded family member only the parts they attended. */
  recordWithheldGround?: string | null;
}

/** `supported` is the row input.supportsAttendanceId names on this conference's list, if any. */
export function check(input: AttendanceInput, subjectChildren: readonly MeetingChild[], existing: AttendanceRow | null, supported: AttendanceRow | null): FieldError[] {
  const errors: FieldError[] = [];
  if (input.kind === 'professional' && !input.agency) errors.push({ field: 'agency', message: 'Select the agency or discipline this professional represents' });
  if (input.status === 'present' && input.partsAttended.length === 0) errors.push({ field: 'partsAttended', message: 'Select the parts of the conference they attended' });
  const excluded = existing ? inAgendaOrder(existing.excludedParts) : [];
  const clash = input.partsAttended.filter((p) => excluded.includes(p));
  if (input.status !== 'excluded' && clash.length > 0) {
    errors.push({ field: 'partsAttended', message: `They were excluded from ${clash.map((p) => MEETING_PART_LABELS[p].toLowerCase()).join(' and ')}, so cannot have attended it` });
  }
  const subjects = new Set(subjectChildren.map((c) => c.childId));
  if (input.directContactChildIds.some((id) => !subjects.has(id))) errors.push({ field: 'directContactChildIds', message: 'Select only children who are subjects of this conference' });
  if (input.supportsAttendanceId) {
    if (!supported || supported.id === existing?.id) errors.push({ field: 'supportsAttendanceId', message: 'Select the person they support from the attendance list' });
  }
  if (isFamilyKind(input.kind)) {
    // EX3: withholding the parts they missed needs one of the procedure's grounds.
    const excludedAfter = input.status === 'excluded' ? [...MEETING_PARTS] : excluded;
    errors.push(...recordScopeProblems({ excludedParts: excludedAfter, recordScope: input.recordScope, ground: withheldGround(input, existing) }));
  }
  if (input.writtenReportPresented && !input.writtenReportSubmitted) {
    errors.push({ field: 'writtenReportPresented', message: 'A report can be presented only if one was submitted' });
  }
  return errors;
}

function withheldGround(input: AttendanceInput, existing: AttendanceRow | null): string | null {
  if (input.recordScope !== 'attended-part') return null;
  return input.recordWithheldGround ?? existing?.recordWithheldGround ?? null;
}

/** CF3: adds or changes one person's attendance. Returns the attendance id. */
export async function saveAttendance(
  db: Database,
  context: ActionContext,
  conferenceId: string,
  attendanceId: string | null,
  input: AttendanceInput,
  version: number | null,
): Promise<string> {
  const { subjects, actorId } = await openMeetingForEdit(db, context, conferenceId);
  const existing = attendanceId ? await loadAttendee(db, conferenceId, attendanceId) : null;
  if (attendanceId && !existing) throw new NotFoundError('That person is not on the attendance list.');
  if (existing) await assertVersion(db, `${existing.name}'s attendance`, existing, version ?? -1);
  const supported = input.supportsAttendanceId ? await loadAttendee(db, conferenceId, input.supportsAttendanceId) : null;
  const errors = check(input, subjects, existing, supported);
  if (errors.length > 0) throw new ValidationError(errors);

  const values = attendanceValues(input, existing, context, actorId);
  return db.transaction(async (tx) => {
    const id = await saveVersioned(tx, meetingAttendance, existing, values, { ...values, conferenceId, createdAt: context.now }, (e) => lostRace(`${e.name}'s attendance`));
    await auditForChildren(tx, context, subjects.map((c) => c.childId), {
      action: existing ? 'attendance-changed' : 'attendance-added', recordType: 'meeting-attendance', recordId: id,
      details: { status: input.status, kind: input.kind, agency: values.agency, parts: values.partsAttended },
    });
    return id;
  });
}

/** The row as stored: what a checked input means for the columns the quorum and the record read. */
export function attendanceValues(input: AttendanceInput, existing: AttendanceRow | null, context: ActionContext, actorId: string) {
  const excludedParts = input.status === 'excluded' ? [...MEETING_PARTS] : (existing?.excludedParts ?? []);
  return {
    kind: input.kind,
    name: input.name,
    agency: input.kind === 'professional' ? input.agency : null,
    organisationName: input.organisationName,
    role: input.role,
    status: input.status,
    onBehalfOf: input.onBehalfOf,
    partsAttended: input.status === 'present' ? inAgendaOrder(input.partsAttended) : [],
    excludedParts,
    directContactChildIds: input.kind === 'professional' ? [...input.directContactChildIds] : [],
    writtenReportSubmitted: input.writtenReportSubmitted,
    writtenReportPresented: input.writtenReportPresented,
    supportsAttendanceId: input.supportsAttendanceId,
    recordScope: isFamilyKind(input.kind) ? input.recordScope : 'attended-part',
    recordScopeGrounds: input.recordScopeGrounds,
    recordWithheldGround: isFamilyKind(input.kind) ? withheldGround(input, existing) : null,
    updatedAt: context.now,
    updatedBy: actorId,
  };
}
