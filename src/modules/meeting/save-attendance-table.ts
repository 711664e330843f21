import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { meetingAttendance } from '../../db/schema/index.js';
import type { AgencyId, AttendeeKind } from '../../domain/conference/agencies.js';
import { auditForChildren } from '../audit/audit-children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError, type FieldError } from '../shared/errors.js';
import { updateAtVersion } from '../shared/versioned-update.js';
import { openMeetingForEdit } from './common.js';
import { loadAttendance, type AttendanceRow } from './meeting-state.js';
import { attendanceValues, check, type AttendanceInput } from './save-attendance.js';
import { lostRace, staleRow, StaleRowsError, type StaleRow } from './stale.js';

/** What the attendance table changes for one invitee; who they are is changed on their own form. */
export type AttendanceTableRow = Pick<AttendanceInput, 'status' | 'onBehalfOf' | 'partsAttended' | 'directContactChildIds' | 'writtenReportSubmitted' | 'writtenReportPresented'> & {
  attendanceId: string;
  /** The version the table was loaded with. */
  version: number;
  /** The row's values as the table was loaded (`attendanceRowFingerprint`), so a row this user left alone is told apart from one they changed. */
  loaded?: string | undefined;
};

/** The field of the table form a row's message belongs beside: `<field>-<attendance id>`. */
export function rowField(field: string, attendanceId: string): string {
  return `${field}-${attendanceId}`;
}

/** The fields the table does not show are answered beside the person's name (their own form changes them). */
const TABLE_FIELDS = new Set(['status', 'onBehalfOf', 'partsAttended', 'directContactChildIds', 'writtenReportSubmitted', 'writtenReportPresented']);

function inputOf(existing: AttendanceRow, row: AttendanceTableRow): AttendanceInput {
  return {
    kind: existing.kind as AttendeeKind,
    name: existing.name,
    agency: existing.agency as AgencyId | null,
    organisationName: existing.organisationName,
    role: existing.role,
    supportsAttendanceId: existing.supportsAttendanceId,
    recordScope: existing.recordScope === 'whole' ? 'whole' : 'attended-part',
    recordScopeGrounds: existing.recordScopeGrounds,
    recordWithheldGround: existing.recordWithheldGround,
    status: row.status,
    onBehalfOf: row.onBehalfOf,
    partsAttended: row.partsAttended,
    directContactChildIds: existing.kind === 'professional' ? row.directContactChildIds : [],
    writtenReportSubmitted: row.writtenReportSubmitted,
    writtenReportPresented: row.writtenReportPresented,
  };
}

/** The table's fields of one row, as they were loaded or as sent. */
export interface AttendanceTableValues {
  status: string;
  onBehalfOf: string | null;
  partsAttended: readonly string[];
  directContactChildIds: readonly string[];
  writtenReportSubmitted: boolean;
  writtenReportPresented: boolean;
}

/**
 * A short digest of a row's table fields. The table carries the digest of each row as loaded; a
 * row sent back with the same digest is one this user did not touch, so someone else's save of it
 * meanwhile is no conflict and is left as they saved it.
 */
export function attendanceRowFingerprint(row: AttendanceTableValues): string {
  const canonical = JSON.stringify([row.status, row.onBehalfOf?.trim() || null, [...row.partsAttended].sort(), [...row.directContactChildIds].sort(), row.writtenReportSubmitted, row.writtenReportPresented]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Whether the table's row says anything the stored row does not (an untouched row is not written, nor version-checked). */
function changed(existing: AttendanceRow, input: AttendanceInput, values: ReturnType<typeof attendanceValues>): boolean {
  return (
    existing.status !== input.status ||
    (existing.onBehalfOf ?? null) !== input.onBehalfOf ||
    !same(existing.partsAttended, values.partsAttended) ||
    !same(existing.directContactChildIds, values.directContactChildIds) ||
    existing.writtenReportSubmitted !== input.writtenReportSubmitted ||
    existing.writtenReportPresented !== input.writtenReportPresented
  );
}

/**
 * CF3 from the attendance table: every invitee's row in one save. Each changed row passes the same
 * checks as the person's own form and the same version check; one refused row refuses the table, so
 * the chair never has half a register. Returns how many rows were written.
 */
export async function saveAttendanceTable(db: Database, context: ActionContext, conferenceId: string, rows: readonly AttendanceTableRow[]): Promise<number> {
  const { subjects, actorId } = await openMeetingForEdit(db, context, conferenceId);
  const attendance = await loadAttendance(db, conferenceId);
  const byId = new Map(attendance.map((a) => [a.id, a]));
  const errors: FieldError[] = [];
  const stale: StaleRow[] = [];
  const writes: { existing: AttendanceRow; input: AttendanceInput; values: ReturnType<typeof attendanceValues> }[] = [];
  for (const row of rows) {
    const existing = byId.get(row.attendanceId);
    if (!existing) {
      errors.push({ field: rowField('status', row.attendanceId), message: 'This person is no longer on the attendance list: reload the page' });
      continue;
    }
    // Untouched by this user (sent as it was loaded): someone else's newer save of it stands, with no conflict.
    if (row.loaded !== undefined && row.version !== existing.version && attendanceRowFingerprint(row) === row.loaded) continue;
    const input = inputOf(existing, row);
    const values = attendanceValues(input, existing, context, actorId);
    if (!changed(existing, input, values)) continue;
    const refused = await staleRow(db, `${existing.name}'s attendance`, existing, row.version);
    if (refused) {
      stale.push(refused);
      continue;
    }
    const supported = existing.supportsAttendanceId ? (byId.get(existing.supportsAttendanceId) ?? null) : null;
    for (const e of check(input, subjects, existing, supported)) {
      // A rule about a field the table does not show points at the person's name, where "Change" is.
      const field = TABLE_FIELDS.has(e.field) ? e.field : 'name';
      errors.push({ field: rowField(field, existing.id), message: `${existing.name}: ${e.message}` });
    }
    writes.push({ existing, input, values });
  }
  if (stale.length > 0) throw new StaleRowsError(stale, errors);
  if (errors.length > 0) throw new ValidationError(errors);
  if (writes.length === 0) return 0;

  await db.transaction(async (tx) => {
    for (const { existing, input, values } of writes) {
      await updateAtVersion(tx, meetingAttendance, { id: existing.id, version: existing.version }, values, () => lostRace(`${existing.name}'s attendance`));
      await auditForChildren(tx, context, subjects.map((c) => c.childId), {
        action: 'attendance-changed', recordType: 'meeting-attendance', recordId: existing.id,
        details: { status: input.status, kind: input.kind, agency: values.agency, parts: values.partsAttended, from: 'attendance-table' },
      });
    }
  });
  return writes.length;
}
