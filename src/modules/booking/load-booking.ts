import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  cases, chairLeave, chairWorkingPatterns, childProtectionPlans, conferenceChildren, conferences, outOfTimescaleAuthorisations, rooms, users,
} from '../../db/schema/index.js';
import { Diary, dayOfIso, minuteOfTime } from '../../domain/booking/diary.js';
import type { BookingClock, BookingRequest, ChairDiaryEntry, ExistingBooking } from '../../domain/booking/types.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { effectiveParameter } from '../../domain/packs/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { listsInOneRead } from '../shared/lists-in-one-read.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import { londonDateTimeOf, londonInstant } from '../../domain/calendar/london-time.js';

/** Conferences that hold a chair and a room. */
export const DIARY_STATUSES = ['booked', 'invitations-sent'];

export type LoadedConference = Awaited<ReturnType<typeof loadConferenceWithChildren>>;

export interface BookingContext extends LoadedConference {
  request: BookingRequest;
  diary: Diary;
  calendar: WorkingCalendar;
  clock: BookingClock;
  chairs: ChairDiaryEntry[];
  rooms: { id: string; name: string; building: string; videoEquipped: boolean }[];
}

export function bookingClock(now: Date): BookingClock {
  const local = londonDateTimeOf(now);
  return { today: local.toPlainDate(), minuteOfDay: local.hour * 60 + local.minute };
}

/** TS30 in the pack in force: does a late date for this due rule need a service manager's authorisation? */
export function lateNeedsAuthorisation(pack: string, dueRuleId: string | null): boolean {
  if (!dueRuleId) return false;
  const rule = effectiveParameter(pack as PackId, 'TS30');
  return rule?.unit === 'authorisation' && (rule.appliesTo as readonly string[]).includes(dueRuleId);
}

/** The chair of the latest held conference about any of these children (CV4 continuity). */
async function previousChair(db: Queryable, conferenceId: string, childIds: string[]): Promise<string | null> {
  if (childIds.length === 0) return null;
  const [row] = await db
    .select({ chairId: conferences.chairId })
    .from(conferences)
    .innerJoin(conferenceChildren, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(inArray(conferenceChildren.childId, childIds), eq(conferenceChildren.role, 'subject'), ne(conferences.id, conferenceId),
      eq(conferences.status, 'held'), isNotNull(conferences.chairId)))
    .orderBy(desc(conferences.heldOn))
    .limit(1);
  return row?.chairId ?? null;
}

/** Active chairs: the people `loadChairs` reads (ids and names only). */
const ACTIVE_CHAIR = and(eq(users.active, true), sql`'chair' = any(${users.roles})`)!;

/** Active chairs with their working week and leave. */
export async function loadChairs(db: Queryable): Promise<ChairDiaryEntry[]> {
  const people = await db.select({ id: users.id, name: users.displayName }).from(users).where(ACTIVE_CHAIR).orderBy(asc(users.displayName));
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const patterns = await db.select().from(chairWorkingPatterns).where(inArray(chairWorkingPatterns.chairId, ids));
  const leave = await db.select().from(chairLeave).where(inArray(chairLeave.chairId, ids));
  return chairDiary(people, patterns, leave);
}

/** Each chair with their own working patterns and leave, in the chairs' order. */
function chairDiary(
  people: { id: string; name: string }[], patterns: (typeof chairWorkingPatterns.$inferSelect)[], leave: (typeof chairLeave.$inferSelect)[],
): ChairDiaryEntry[] {
  return people.map((p) => ({
    id: p.id, name: p.name,
    patterns: patterns.filter((w) => w.chairId === p.id).map((w) => ({
      weekday: w.weekday, startMinute: minuteOfTime(w.startTime), endMinute: minuteOfTime(w.endTime), maxConferences: w.maxConferences,
    })),
    leave: leave.filter((l) => l.chairId === p.id).map((l) => ({ from: l.fromDate, to: l.toDate })),
  }));
}

/** Booked conferences from `fromDate` for `days` calendar days, on the London clock. */
export async function loadBookings(db: Queryable, fromDate: string, days: number): Promise<ExistingBooking[]> {
  const from = londonInstant(fromDate);
  const to = new Date(from.getTime() + days * 86_400_000);
  const rows = await db.select({ id: conferences.id, chairId: conferences.chairId, roomId: conferences.roomId, start: conferences.scheduledStart, slotMinutes: conferences.slotMinutes })
    .from(conferences)
    .where(and(inArray(conferences.status, DIARY_STATUSES), gte(conferences.scheduledStart, from), lt(conferences.scheduledStart, to)));
  return rows.filter((r) => r.start !== null).map((r) => {
    const local = londonDateTimeOf(r.start!);
    return { conferenceId: r.id, chairId: r.chairId, roomId: r.roomId, day: dayOfIso(local.toPlainDate().toString()), startMinute: local.hour * 60 + local.minute, slotMinutes: r.slotMinutes };
  });
}

/** Everything the booking checks and the slot finder need about one conference, read once. */
export async function loadBookingContext(db: Queryable, conferenceId: string, now: Date): Promise<BookingContext> {
  const loaded = await loadConferenceWithChildren(db, conferenceId);
  const { conference, subjects } = loaded;
  const clock = bookingClock(now);
  const caseIds = subjects.map((s) => s.caseId);
  const caseRows = caseIds.length
    ? await db.select({ socialWorkerId: cases.socialWorkerId, teamManagerId: cases.teamManagerId, lookedAfter: cases.lookedAfter, lineManagerId: users.managerId, closedOn: cases.closedOn })
      .from(cases).leftJoin(users, eq(cases.socialWorkerId, users.id)).where(inArray(cases.id, caseIds))
    : [];
  const childIds = subjects.map((s) => s.childId);
  // Five whole-row lists in one statement (issue 16): the approved late dates; the subject children's
  // own open plans (not another authority's), for the census check on a review's date (C09); the
  // active chairs' working patterns and leave; the active rooms.
  const activeChairIds = db.select({ id: users.id }).from(users).where(ACTIVE_CHAIR);
  const lists = await listsInOneRead(db, {
    approved: { table: outOfTimescaleAuthorisations, where: and(eq(outOfTimescaleAuthorisations.conferenceId, conferenceId), eq(outOfTimescaleAuthorisations.decision, 'approved'))! },
    subjectPlans: {
      table: childProtectionPlans,
      where: childIds.length ? and(inArray(childProtectionPlans.childId, childIds), isNull(childProtectionPlans.endDate), isNull(childProtectionPlans.responsibleAuthority))! : sql`false`,
    },
    patterns: { table: chairWorkingPatterns, where: inArray(chairWorkingPatterns.chairId, activeChairIds) },
    leave: { table: chairLeave, where: inArray(chairLeave.chairId, activeChairIds) },
    rooms: { table: rooms, where: eq(rooms.active, true), orderBy: asc(rooms.name) },
  });
  const approved = lists.approved.map((a) => ({ date: a.proposedDate }));
  const subjectPlans = lists.subjectPlans.map((p) => ({ startDate: p.startDate, endDate: p.endDate }));
  const chairPeople = await db.select({ id: users.id, name: users.displayName }).from(users).where(ACTIVE_CHAIR).orderBy(asc(users.displayName));
  const chairs = chairDiary(chairPeople, lists.patterns, lists.leave);
  const roomRows = lists.rooms;
  // The diary from yesterday for about nine months: the slot finder's longest window, and a late date.
  const bookings = await loadBookings(db, clock.today.subtract({ days: 1 }).toString(), 280);
  const request: BookingRequest = {
    conferenceId, kind: conference.kind, dueDate: conference.dueDate, dueRuleId: conference.dueRuleId,
    lateNeedsAuthorisation: lateNeedsAuthorisation(conference.pack, conference.dueRuleId),
    approvedLateDates: approved.map((a) => a.date),
    previousChairId: await previousChair(db, conferenceId, subjects.map((s) => s.childId)),
    caseStaff: caseRows.map((c) => ({ socialWorkerId: c.socialWorkerId, lineManagerId: c.lineManagerId ?? null, teamManagerId: c.teamManagerId })),
    epoExpiresOn: conference.epoExpiresOn,
    // CV6: the decision to convene names who the likely harm is from; a named person means a family member may pose a risk.
    familyRiskFlagged: subjects.some((s) => (s.harmFrom ?? '').trim().length > 0),
    lookedAfter: caseRows.some((c) => c.lookedAfter),
    slotMinutes: conference.slotMinutes,
    subjectPlans,
    casesClosedOn: caseRows.flatMap((c) => (c.closedOn ? [c.closedOn] : [])),
  };
  return {
    ...loaded, request, clock, chairs, calendar: await workingCalendar(db),
    rooms: roomRows.map((r) => ({ id: r.id, name: r.name, building: r.building, videoEquipped: r.videoEquipped })),
    diary: new Diary(chairs, roomRows.map((r) => ({ id: r.id, name: r.name, videoEquipped: r.videoEquipped })), bookings),
  };
}
