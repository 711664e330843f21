import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  cases,
  conferenceChildren,
  conferences,
  exclusionRequests,
  meetingAttendance,
  meetingDecisions,
  meetingOutlinePlans,
  meetings,
  meetingViews,
  people,
} from '../../db/schema/index.js';
import { isAgencyId, type AttendanceStatus, type AttendeeKind } from '../../domain/conference/agencies.js';
import { inAgendaOrder } from '../../domain/conference/meeting-parts.js';
import { meetingRules, type MeetingRules } from '../../domain/conference/meeting-rules.js';
import { isMeetingStatus, type MeetingStatus } from '../../domain/conference/meeting-transitions.js';
import { quorumForChild, type ChildQuorum, type QuorumAttendee } from '../../domain/conference/quorum.js';
import { isPackId, type PackId } from '../../domain/packs/pack-id.js';
import { NotFoundError } from '../shared/errors.js';
import { loadById } from '../shared/load-records.js';

export type ConferenceRow = typeof conferences.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type AttendanceRow = typeof meetingAttendance.$inferSelect;
export type ViewRow = typeof meetingViews.$inferSelect;
export type DecisionRow = typeof meetingDecisions.$inferSelect;
export type OutlinePlanRow = typeof meetingOutlinePlans.$inferSelect;
export type ExclusionRow = typeof exclusionRequests.$inferSelect;

export interface MeetingChild {
  conferenceChildId: string;
  childId: string;
  caseId: string;
  role: 'subject' | 'household';
  childType: 'initial' | 'review';
  name: string;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  lookedAfter: boolean;
  /** The child's allocated social worker, who may follow the meeting read only. */
  socialWorkerId: string | null;
  /** The case's team manager: the decision form's contact until a social worker is allocated (DC6). */
  teamManagerId: string | null;
}

export interface MeetingState extends MeetingCore {
  attendance: AttendanceRow[];
  views: ViewRow[];
  decisions: DecisionRow[];
  outlinePlans: OutlinePlanRow[];
  quorum: Map<string, ChildQuorum>;
  /** EX2: the chair's decisions to exclude someone from this conference (never an earlier one's). */
  exclusions: ExclusionRow[];
}

export function childName(p: { givenNames: string; familyName: string }): string {
  return `${p.givenNames} ${p.familyName}`.trim();
}

export function quorumAttendee(a: AttendanceRow): QuorumAttendee {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind as AttendeeKind,
    agency: a.agency && isAgencyId(a.agency) ? a.agency : null,
    status: a.status as AttendanceStatus,
    partsAttended: inAgendaOrder(a.partsAttended),
    excludedParts: inAgendaOrder(a.excludedParts),
    directContactChildIds: a.directContactChildIds,
  };
}

/** Whether an id from a form or an address can be looked up at all: anything else is simply not found. */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

export async function loadConference(db: Queryable, conferenceId: string): Promise<ConferenceRow> {
  return loadById(db, conferences, conferenceId, 'that conference');
}

export async function loadChildren(db: Queryable, conferenceId: string): Promise<MeetingChild[]> {
  const rows = await db
    .select({ cc: conferenceChildren, person: people, lookedAfter: cases.lookedAfter, socialWorkerId: cases.socialWorkerId, teamManagerId: cases.teamManagerId })
    .from(conferenceChildren)
    .innerJoin(people, eq(people.id, conferenceChildren.childId))
    .innerJoin(cases, eq(cases.id, conferenceChildren.caseId))
    .where(eq(conferenceChildren.conferenceId, conferenceId))
    .orderBy(asc(people.dateOfBirth), asc(people.givenNames));
  return rows.map(({ cc, person, lookedAfter, socialWorkerId, teamManagerId }) => ({
    conferenceChildId: cc.id,
    childId: cc.childId,
    caseId: cc.caseId,
    role: cc.role === 'subject' ? 'subject' : 'household',
    childType: cc.childType === 'review' ? 'review' : 'initial',
    name: childName(person),
    dateOfBirth: person.dateOfBirth,
    expectedDeliveryDate: person.expectedDeliveryDate,
    lookedAfter,
    socialWorkerId,
    teamManagerId,
  }));
}

/** The conference, its meeting and its children: what every meeting action checks before anything else. */
export interface MeetingCore {
  conference: ConferenceRow;
  pack: PackId;
  rules: MeetingRules;
  meeting: MeetingRow | null;
  meetingStatus: MeetingStatus | 'not-started';
  children: MeetingChild[];
  subjects: MeetingChild[];
}

/**
 * The conference with its meeting (one read) and its children. A write in the meeting reads this
 * and then only the rows its own rule turns on, never the whole meeting (issue 18: a held
 * conference used to read every table of its meeting before each of its few dozen writes).
 */
export async function loadMeetingCore(db: Queryable, conferenceId: string): Promise<MeetingCore> {
  if (!isUuid(conferenceId)) throw new NotFoundError('We could not find that conference.');
  const [row] = await db.select({ conference: conferences, meeting: meetings }).from(conferences).leftJoin(meetings, eq(meetings.conferenceId, conferences.id)).where(eq(conferences.id, conferenceId));
  if (!row) throw new NotFoundError('We could not find that conference.');
  const { conference, meeting } = row;
  const pack: PackId = isPackId(conference.pack) ? conference.pack : 'national';
  const children = await loadChildren(db, conferenceId);
  const meetingStatus = meeting && isMeetingStatus(meeting.status) ? meeting.status : 'not-started';
  return { conference, pack, rules: meetingRules(pack), meeting: meeting ?? null, meetingStatus, children, subjects: children.filter((c) => c.role === 'subject') };
}

/** The attendance list in the order the screen shows it. */
export async function loadAttendance(db: Queryable, conferenceId: string): Promise<AttendanceRow[]> {
  return db.select().from(meetingAttendance).where(eq(meetingAttendance.conferenceId, conferenceId)).orderBy(asc(meetingAttendance.createdAt), asc(meetingAttendance.name));
}

/** Each subject child's quorum (CF1) on the attendance as it stands. */
export function quorumOf(subjects: readonly MeetingChild[], attendance: readonly AttendanceRow[], rules: MeetingRules): Map<string, ChildQuorum> {
  const attendees = attendance.map(quorumAttendee);
  return new Map(subjects.map((c) => [c.childId, quorumForChild({ childId: c.childId, childType: c.childType }, attendees, rules.quorum)]));
}

/** Everything the conference screen, the decision and the documents need, read at once. */
export async function loadMeetingState(db: Queryable, conferenceId: string): Promise<MeetingState> {
  const core = await loadMeetingCore(db, conferenceId);
  const attendance = await loadAttendance(db, conferenceId);
  const views = await db.select().from(meetingViews).where(eq(meetingViews.conferenceId, conferenceId)).orderBy(asc(meetingViews.updatedAt));
  const decisions = await db.select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, conferenceId));
  const outlinePlans = await db.select().from(meetingOutlinePlans).where(eq(meetingOutlinePlans.conferenceId, conferenceId));
  const exclusions = await db.select().from(exclusionRequests).where(and(eq(exclusionRequests.conferenceId, conferenceId), eq(exclusionRequests.status, 'excluded')));
  return { ...core, attendance, views, decisions, outlinePlans, quorum: quorumOf(core.subjects, attendance, core.rules), exclusions };
}

/** One person on this conference's attendance list, or null (an id from a form may name anything). */
export async function loadAttendee(db: Queryable, conferenceId: string, attendanceId: string): Promise<AttendanceRow | null> {
  if (!isUuid(attendanceId)) return null;
  const [row] = await db.select().from(meetingAttendance).where(and(eq(meetingAttendance.id, attendanceId), eq(meetingAttendance.conferenceId, conferenceId)));
  return row ?? null;
}

export function subjectOf(state: Pick<MeetingCore, 'subjects'>, childId: string): MeetingChild {
  const child = state.subjects.find((c) => c.childId === childId);
  if (!child) throw new NotFoundError('That child is not a subject of this conference.');
  return child;
}
