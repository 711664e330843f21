import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, invitations, organisations, rooms, users } from '../../db/schema/index.js';
import { auditForChildren as auditEachChild } from '../audit/audit-children.js';
import type { AuditEntry } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { NotFoundError } from '../shared/errors.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import { isUuid } from '../shared/load-records.js';
import { venueLines, type VenueFacts } from '../../documents/invitation-letter.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import type { ConferenceKind } from '../../domain/conference/kinds.js';
import type { Timing } from '../../domain/invitations/timing.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { workingCalendar } from '../calendar/calendar-store.js';

export type ConferenceRow = typeof conferences.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export interface ConferenceChild {
  childId: string;
  caseId: string;
  role: 'subject' | 'household';
  name: string;
}

export interface InvitationState {
  conference: ConferenceRow;
  children: ConferenceChild[];
  subjectIds: string[];
  invitations: InvitationRow[];
  chair: { id: string; name: string; email: string | null; phone: string | null } | null;
  authorityName: string;
  /** The booked room with its building, else the venue typed for the conference. */
  venue: string | null;
  /** The same, part by part, with the building's address where the room has one. */
  venueFacts: VenueFacts | null;
}

export function personName(p: { givenNames: string; familyName: string }): string {
  return `${p.givenNames} ${p.familyName}`.trim();
}

/** The conference with its children and every invitation, in the order they were listed. */
export async function loadInvitationState(db: Queryable, conferenceId: string): Promise<InvitationState> {
  const loaded = await loadConferenceWithChildren(db, conferenceId);
  const { conference } = loaded;
  const children: ConferenceChild[] = loaded.children.map((c) => ({
    childId: c.childId, caseId: c.caseId, role: c.role === 'subject' ? 'subject' : 'household', name: c.name,
  }));
  const rows = await db.select().from(invitations).where(eq(invitations.conferenceId, conferenceId)).orderBy(asc(invitations.createdAt), asc(invitations.id));
  let chair: InvitationState['chair'] = null;
  if (conference.chairId) {
    const [c] = await db.select({ id: users.id, name: users.displayName, email: users.email, phone: organisations.phone })
      .from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, conference.chairId));
    if (c) chair = c;
  }
  const orgId = loaded.children[0]?.organisationId;
  const [org] = orgId ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId)) : [];
  const [room] = conference.roomId ? await db.select().from(rooms).where(eq(rooms.id, conference.roomId)) : [];
  // A booked room brings its building's address; a venue typed without a room is printed as typed.
  const venueFacts: VenueFacts | null = room
    ? { room: room.name, building: room.building, street: room.street, town: room.town, postcode: room.postcode }
    : conference.venue ? { room: conference.venue, building: null, street: null, town: null, postcode: null } : null;
  return {
    venue: venueFacts ? venueLines(venueFacts).join(', ') : null,
    venueFacts,
    conference, children, subjectIds: children.filter((c) => c.role === 'subject').map((c) => c.childId), invitations: rows, chair,
    authorityName: org?.name ?? 'The local authority',
  };
}

export async function loadInvitation(db: Queryable, conferenceId: string, invitationId: string): Promise<InvitationRow> {
  if (!isUuid(invitationId) || !isUuid(conferenceId)) throw new NotFoundError('We could not find that invitation.');
  const [row] = await db.select().from(invitations).where(and(eq(invitations.id, invitationId), eq(invitations.conferenceId, conferenceId)));
  if (!row) throw new NotFoundError('We could not find that invitation.');
  return row;
}

/** Invitations are part of each subject child's record: one audit event per child (ARCHITECTURE.md, audit). */
export async function auditForChildren(db: Queryable, context: ActionContext, state: Pick<InvitationState, 'subjectIds'>, entry: Omit<AuditEntry, 'childId'>): Promise<void> {
  await auditEachChild(db, context, state.subjectIds, entry);
}

/**
 * The conference and its subject children only: what adding someone to the list checks and audits.
 * The whole state (every invitation, the chair, the authority, the room) is for the letters and the page.
 */
export async function loadInvitedConference(db: Queryable, conferenceId: string): Promise<Pick<InvitationState, 'conference' | 'subjectIds'>> {
  if (!isUuid(conferenceId)) throw new NotFoundError('We could not find that conference.');
  // One statement, not two: booking adds five or so invitees one after another, each reading this.
  const [row] = await db
    .select({
      conference: conferences,
      // Spelt out with aliases: drizzle writes a one-table select's columns unqualified.
      subjectIds: sql<string[]>`coalesce((
        select array_agg(cc.child_id::text order by p.date_of_birth)
        from conference_children cc inner join people p on p.id = cc.child_id
        where cc.conference_id = conferences.id and cc.role = 'subject'), '{}')`,
    })
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  if (!row) throw new NotFoundError('We could not find that conference.');
  return row;
}

/** Who and what the invitation list may still change: invitations go for booked conferences. */
export function isOpenForInvitations(status: string): boolean {
  return status === 'booked' || status === 'invitations-sent';
}

/** A deadline counted from the conference's day by the pack (TS17, TS19); none until the conference is booked. */
export async function timingForConference(
  db: Queryable,
  state: InvitationState,
  due: (pack: PackId, kind: ConferenceKind, conferenceDate: string, calendar: WorkingCalendar) => Timing,
): Promise<Timing> {
  const c = state.conference;
  if (!c.scheduledStart) return { kind: 'none' };
  return due(c.pack as PackId, c.kind as ConferenceKind, londonIsoDate(c.scheduledStart), await workingCalendar(db));
}
