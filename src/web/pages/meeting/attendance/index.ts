import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { isFamilyKind, AGENCIES, AGENCY_LABELS, ATTENDANCE_STATUSES, ATTENDANCE_STATUS_LABELS, ATTENDEE_KINDS, ATTENDEE_KIND_LABELS } from '../../../../domain/conference/agencies.js';
import { MEETING_PARTS, MEETING_PART_LABELS } from '../../../../domain/conference/meeting-parts.js';
import { RECORD_WITHHELD_GROUND_LABELS, RECORD_WITHHELD_GROUNDS } from '../../../../domain/participation/exclusion.js';
import { loadMeetingState, type MeetingState } from '../../../../modules/meeting/meeting-state.js';
import { recordLeaving } from '../../../../modules/meeting/record-leaving.js';
import { saveAttendance } from '../../../../modules/meeting/save-attendance.js';
import { loadSlotFacts } from '../../../../modules/meeting/load-slot-facts.js';
import { NotFoundError } from '../../../../modules/shared/errors.js';
import { mayRunMeeting } from '../../../../policies/meeting.js';
import { parseForm } from '../../../forms.js';
import { auditReads, meetingUrl, namedRowErrors, shownRefusal } from '../page-helpers.js';
import { runAction, submitRows, submitShowingValues } from '../../../forms/run-action.js';
import { attendanceForm, leavingForm, parseAttendanceTable } from './form.js';
import { attendanceRowFingerprint, saveAttendanceTable } from '../../../../modules/meeting/save-attendance-table.js';
import { asArray } from '../../../forms.js';
import { AGENCY_LABELS as AGENCY_NAMES, isAgencyId } from '../../../../domain/conference/agencies.js';
import type { FieldError } from '../../../../modules/shared/errors.js';
import { instantOfLondon, londonDateTimeOf } from '../../../../domain/calendar/london-time.js';

const access = { config: { access: mayRunMeeting } };

/** The parts of the conference as the register's narrow column names them. */
const SHORT_PART_LABELS: Record<(typeof MEETING_PARTS)[number], string> = {
  opening: 'Opening',
  information: 'Reports',
  'confidential-information': 'Confidential',
  analysis: 'Risk discussion',
  decision: 'Views and decision',
  plan: 'Outline plan',
};
type Params = { Params: { id: string; attendanceId?: string } };

/** One row of the attendance table as the form shows it: stored, or as typed when a save was refused. */
interface TableRowValues {
  version: string;
  /** The digest of the row as loaded: the stored row's, or the one the refused form carried. */
  loaded: string;
  status: string;
  onBehalfOf: string;
  partsAttended: string[];
  directContactChildIds: string[];
  writtenReportSubmitted: boolean;
  writtenReportPresented: boolean;
}

function storedRow(a: MeetingState['attendance'][number]): TableRowValues {
  return {
    version: String(a.version), loaded: attendanceRowFingerprint(a), status: a.status, onBehalfOf: a.onBehalfOf ?? '',
    partsAttended: [...a.partsAttended], directContactChildIds: [...a.directContactChildIds],
    writtenReportSubmitted: a.writtenReportSubmitted, writtenReportPresented: a.writtenReportPresented,
  };
}

function typedRow(body: Record<string, unknown>, id: string): TableRowValues {
  const text = (k: string) => (typeof body[`${k}-${id}`] === 'string' ? (body[`${k}-${id}`] as string) : '');
  return {
    version: text('version'), loaded: text('loaded'), status: text('status'), onBehalfOf: text('onBehalfOf'),
    partsAttended: asArray(body[`partsAttended-${id}`]), directContactChildIds: asArray(body[`directContactChildIds-${id}`]),
    writtenReportSubmitted: text('writtenReportSubmitted') === 'yes', writtenReportPresented: text('writtenReportPresented') === 'yes',
  };
}

function choices(state: MeetingState) {
  return {
    kinds: ATTENDEE_KINDS.map((k) => ({ value: k, text: ATTENDEE_KIND_LABELS[k] })),
    agencies: AGENCIES.map((a) => ({ value: a, text: AGENCY_LABELS[a] })),
    statuses: ATTENDANCE_STATUSES.map((s) => ({ value: s, text: ATTENDANCE_STATUS_LABELS[s] })),
    parts: MEETING_PARTS.map((p) => ({ value: p, text: MEETING_PART_LABELS[p] })),
    subjects: state.subjects.map((c) => ({ value: c.childId, text: c.name })),
    people: state.attendance.map((a) => ({ value: a.id, text: `${a.name} (${a.role})` })),
    withheldGrounds: RECORD_WITHHELD_GROUNDS.map((g) => ({ value: g, text: RECORD_WITHHELD_GROUND_LABELS[g] })),
  };
}

/** CF3, EX3, EX4: one person's attendance, and recording someone leaving. */
export default function attendancePages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function form(request: FastifyRequest<Params>, reply: FastifyReply, values: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const state = await loadMeetingState(db, request.params.id);
    await auditReads(request, state, 'conference-meeting-attendance');
    const attendanceId = request.params.attendanceId ?? null;
    const person = attendanceId ? state.attendance.find((a) => a.id === attendanceId) : null;
    if (attendanceId && !person) throw new NotFoundError('That person is not on the attendance list.');
    return reply.view('meeting/attendance/form.njk', {
      title: person ? `Attendance: ${person.name}` : 'Add someone to the attendance',
      conferenceId: state.conference.id, person, values, ...choices(state), slot: await loadSlotFacts(db, state),
      backLink: { href: meetingUrl(state.conference.id) }, ...extra,
    });
  }

  /**
   * CF3 as the chair takes the register: every invitee on one table, one save. `typed` is the form as
   * sent when a save was refused (every row as typed); otherwise each row shows what is stored.
   */
  async function table(request: FastifyRequest<Params>, reply: FastifyReply, typed: Record<string, unknown> | null, extra: { errors?: FieldError[]; staleVersions?: Map<string, number | null> } = {}) {
    const state = await loadMeetingState(db, request.params.id);
    await auditReads(request, state, 'conference-meeting-attendance');
    const typedIds = new Set(typed ? asArray(typed.rows) : []);
    const rows = state.attendance.map((a) => {
      const values = typed && typedIds.has(a.id) ? typedRow(typed, a.id) : storedRow(a);
      const current = extra.staleVersions?.get(a.id);
      // After someone else's save the row keeps what was typed, but saving again goes over the version now stored.
      if (current !== undefined && current !== null) {
        values.version = String(current);
        values.loaded = attendanceRowFingerprint(a);
      }
      return {
        id: a.id, name: a.name, role: a.role, kind: a.kind, isProfessional: a.kind === 'professional',
        agencyLabel: a.agency && isAgencyId(a.agency) ? AGENCY_NAMES[a.agency] : (a.organisationName ?? ''),
        kindLabel: ATTENDEE_KIND_LABELS[a.kind as keyof typeof ATTENDEE_KIND_LABELS] ?? a.kind,
        leftAt: a.leftAt ? londonDateTimeOf(a.leftAt).toPlainTime().toString().slice(0, 5) : null,
        leftReason: a.leftReason, excluded: a.excludedParts.length > 0,
        values,
      };
    });
    const errors = extra.errors ? namedRowErrors(extra.errors, state.attendance) : undefined;
    return reply.view('meeting/attendance/table.njk', {
      title: 'Attendance', conferenceId: state.conference.id, rows, ...choices(state),
      // A row per person on a laptop screen: the parts by their short names, the full ones in the key above.
      shortParts: MEETING_PARTS.map((p) => ({ value: p, text: SHORT_PART_LABELS[p], full: MEETING_PART_LABELS[p] })),
      editable: state.meetingStatus === 'in-progress', meetingOpen: Boolean(state.meeting),
      // The offline script keys what it keeps by conference, form and the versions the table was loaded with.
      formKey: `attendance:${state.attendance.map((a) => a.version).join('.')}`,
      slot: await loadSlotFacts(db, state), backLink: { href: meetingUrl(state.conference.id) },
      errors,
    });
  }

  app.get<Params>('/conferences/:id/meeting/attendance', access, async (request, reply) => table(request, reply, null));

  app.post<Params>('/conferences/:id/meeting/attendance', access, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return submitRows(reply, parseAttendanceTable(body), (rows) => saveAttendanceTable(db, request.actionContext(), request.params.id, rows), {
      field: 'status',
      again: (shown) => table(request, reply, body, shown),
      done: () => reply.redirect(meetingUrl(request.params.id, '?done=attendance')),
    });
  });

  app.get<Params>('/conferences/:id/meeting/attendance/new', access, async (request, reply) =>
    form(request, reply, { kind: 'professional', status: 'present', partsAttended: [...MEETING_PARTS], directContactChildIds: [] }),
  );

  app.get<Params>('/conferences/:id/meeting/attendance/:attendanceId', access, async (request, reply) => {
    const state = await loadMeetingState(db, request.params.id);
    const a = state.attendance.find((x) => x.id === request.params.attendanceId);
    if (!a) return reply.callNotFound();
    const parts = a.status === 'present' || a.partsAttended.length > 0 ? a.partsAttended : [...MEETING_PARTS].filter((p) => !a.excludedParts.includes(p));
    return form(request, reply, { ...a, partsAttended: parts, writtenReportSubmitted: a.writtenReportSubmitted ? 'yes' : '', writtenReportPresented: a.writtenReportPresented ? 'yes' : '' });
  });

  async function save(request: FastifyRequest<Params>, reply: FastifyReply) {
    return submitShowingValues(reply, attendanceForm, ({ version, ...input }) => saveAttendance(db, request.actionContext(), request.params.id, request.params.attendanceId ?? null, input, version), {
      again: (refusal) => form(request, reply, refusal.values, shownRefusal(refusal)),
      done: () => reply.redirect(meetingUrl(request.params.id, '?done=attendance')),
    });
  }
  app.post<Params>('/conferences/:id/meeting/attendance/new', access, save);
  app.post<Params>('/conferences/:id/meeting/attendance/:attendanceId', access, save);

  async function leaveForm(request: FastifyRequest<Params>, reply: FastifyReply, values: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const state = await loadMeetingState(db, request.params.id);
    const person = state.attendance.find((a) => a.id === request.params.attendanceId);
    if (!person) throw new NotFoundError('That person is not on the attendance list.');
    const supporters = state.attendance.filter((a) => a.supportsAttendanceId === person.id && a.status === 'present').map((a) => a.name);
    return reply.view('meeting/attendance/leave.njk', {
      title: `${person.name} leaves`, conferenceId: state.conference.id, person, supporters, values, parts: choices(state).parts,
      isFamily: isFamilyKind(person.kind), withheldGrounds: choices(state).withheldGrounds,
      slot: await loadSlotFacts(db, state), backLink: { href: meetingUrl(state.conference.id) }, ...extra,
    });
  }

  app.get<Params>('/conferences/:id/meeting/attendance/:attendanceId/leave', access, async (request, reply) => {
    const state = await loadMeetingState(db, request.params.id);
    const person = state.attendance.find((a) => a.id === request.params.attendanceId);
    if (!person) return reply.callNotFound();
    const now = londonDateTimeOf(app.convene.clock());
    return leaveForm(request, reply, { time: now.toPlainTime().toString().slice(0, 5), version: String(person.version), forRest: 'rest', askedToLeave: 'no' });
  });

  app.post<Params>('/conferences/:id/meeting/attendance/:attendanceId/leave', access, async (request, reply) => {
    const parsed = parseForm(leavingForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return leaveForm(request, reply, parsed.values, { errors: parsed.errors });
    }
    const state = await loadMeetingState(db, request.params.id);
    if (!state.meeting) return reply.redirect(meetingUrl(request.params.id));
    const local = Temporal.PlainDateTime.from(`${state.meeting.conferenceDate}T${parsed.data.time}`);
    const at = instantOfLondon(local);
    return runAction(reply, () => recordLeaving(db, request.actionContext(), request.params.id, request.params.attendanceId ?? '', { ...parsed.data, at }), {
      again: (refusal) => leaveForm(request, reply, refusal.values, shownRefusal(refusal)),
      done: () => reply.redirect(meetingUrl(request.params.id, '?done=left')),
    });
  });
}
