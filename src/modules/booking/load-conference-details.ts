import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceStatusHistory, outOfTimescaleAuthorisations, rooms, type conferences } from '../../db/schema/index.js';
import { loadUserNames } from '../accounts/load-user-names.js';
import { listsInOneRead } from '../shared/lists-in-one-read.js';

type Conference = Pick<typeof conferences.$inferSelect, 'id' | 'roomId' | 'chairId' | 'iroId'>;

/**
 * What the conference page shows beside the booking: its status history (oldest first), its
 * out-of-timescale requests (newest first), its room, and the names of the staff they mention.
 */
export async function loadConferenceDetails(db: Queryable, conference: Conference) {
  // Its three lists in one statement (issue 16), each as its own select returned it.
  const { history, requests, room: [room] } = await listsInOneRead(db, {
    history: { table: conferenceStatusHistory, where: eq(conferenceStatusHistory.conferenceId, conference.id), orderBy: asc(conferenceStatusHistory.at) },
    requests: { table: outOfTimescaleAuthorisations, where: eq(outOfTimescaleAuthorisations.conferenceId, conference.id), orderBy: desc(outOfTimescaleAuthorisations.requestedAt) },
    room: { table: rooms, where: conference.roomId ? eq(rooms.id, conference.roomId) : sql`false` },
  });
  const names = await loadUserNames(db, [conference.chairId, conference.iroId, ...history.map((h) => h.by), ...requests.flatMap((r) => [r.requestedBy, r.decidedBy])]);
  return { history, requests, room: room ?? null, names };
}

export type ConferenceDetails = Awaited<ReturnType<typeof loadConferenceDetails>>;
