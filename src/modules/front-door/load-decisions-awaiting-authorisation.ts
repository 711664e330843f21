import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceChildren, conferences, households, people } from '../../db/schema/index.js';
import { loadUserNames } from '../accounts/load-user-names.js';
import { childName } from '../shared/load-records.js';

/**
 * The team manager's list: every decision to convene waiting for authorisation, soonest due
 * first, with who asked and the children it names. `childIds` are the records the list reads.
 */
export async function loadDecisionsAwaitingAuthorisation(db: Queryable) {
  const rows = await db
    .select({ conference: conferences, householdName: households.name })
    .from(conferences)
    .leftJoin(households, eq(conferences.householdId, households.id))
    .where(eq(conferences.status, 'awaiting-authorisation'))
    .orderBy(asc(conferences.dueDate), asc(conferences.createdAt));
  const ids = rows.map((r) => r.conference.id);
  const subjects = ids.length
    ? await db.select({ conferenceId: conferenceChildren.conferenceId, child: people }).from(conferenceChildren)
      .innerJoin(people, eq(conferenceChildren.childId, people.id))
      .where(inArray(conferenceChildren.conferenceId, ids))
    : [];
  const names = await loadUserNames(db, rows.map((r) => r.conference.requestedBy));
  return {
    childIds: subjects.map((s) => s.child.id),
    decisions: rows.map((r) => ({
      conference: r.conference,
      householdName: r.householdName,
      requestedByName: r.conference.requestedBy ? (names.get(r.conference.requestedBy) ?? '') : '',
      subjectNames: subjects.filter((s) => s.conferenceId === r.conference.id).map((s) => childName(s.child)).join(', '),
    })),
  };
}
