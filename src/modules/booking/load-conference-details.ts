import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceStatusHistory, meetings, outOfTimescaleAuthorisations, rooms, type conferences } from '../../db/schema/index.js';
import { loadUserNames } from '../accounts/load-user-names.js';
import { listsInOneRead } from '../shared/lists-in-one-read.js';

type Conference = Pick<typeof conferences.$inferSelect, 'id' | 'roomId' | 'chairId' | 'iroId'>;

/**
 * What the conference page shows beside the booking: its status history (oldest first), its
 * out-of-timescale requests (newest first), its room, the names of the staff they mention, and
 * the status of its meeting (null before it is opened).
 */
export async function loadConferenceDetails(db: Queryable, conference: Conference) {
  // Its lists in one statement (issue 16), each as its own select returned it; the meeting (one
  // per conference at most) for its status, which says whether the meeting can be opened or followed.
  const { history, requests, room: [room], meeting: [meeting] } = await listsInOneRead(db, {
    history: { table: conferenceStatusHistory, where: eq(conferenceStatusHistory.conferenceId, conference.id), orderBy: asc(conferenceStatusHistory.at) },
    requests: { table: outOfTimescaleAuthorisations, where: eq(outOfTimescaleAuthorisations.conferenceId, conference.id), orderBy: desc(outOfTimescaleAuthorisations.requestedAt) },
    room: { table: rooms, where: conference.roomId ? eq(rooms.id, conference.roomId) : sql`false` },
    meeting: { table: meetings, where: eq(meetings.conferenceId, conference.id) },
  });
  const names = await loadUserNames(db, [conference.chairId, conference.iroId, ...history.map((h) => h.by), ...requests.flatMap((r) => [r.requestedBy, r.decidedBy])]);
  return { history, requests, room: room ?? null, names, meetingStatus: meeting?.status ?? null };
}

export type ConferenceDetails = Awaited<ReturnType<typeof loadConferenceDetails>>;
