import { asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceChildren, conferences, outOfTimescaleAuthorisations, people, users } from '../../db/schema/index.js';
import { childName } from '../shared/load-records.js';

function requests(db: Queryable, pending: boolean) {
  return db
    .select({ a: outOfTimescaleAuthorisations, kind: conferences.kind, pack: conferences.pack, dueDate: conferences.dueDate, requester: users.displayName })
    .from(outOfTimescaleAuthorisations)
    .innerJoin(conferences, eq(outOfTimescaleAuthorisations.conferenceId, conferences.id))
    .innerJoin(users, eq(outOfTimescaleAuthorisations.requestedBy, users.id))
    .where(pending ? isNull(outOfTimescaleAuthorisations.decision) : isNotNull(outOfTimescaleAuthorisations.decision))
    .orderBy(pending ? asc(outOfTimescaleAuthorisations.requestedAt) : desc(outOfTimescaleAuthorisations.decidedAt))
    .limit(pending ? 200 : 20);
}

export type OutOfTimescaleRequestRow = Awaited<ReturnType<typeof requests>>[number];

/**
 * TS30: the service managers' list. Requests still to decide (oldest first) and the latest
 * decided, each with the children its conference is about: those names are reads of their records.
 */
export async function loadOutOfTimescaleRequests(db: Queryable) {
  const [pending, decided] = [await requests(db, true), await requests(db, false)];
  const ids = [...new Set([...pending, ...decided].map((r) => r.a.conferenceId))];
  const children = ids.length
    ? await db.select({ conferenceId: conferenceChildren.conferenceId, child: people }).from(conferenceChildren)
      .innerJoin(people, eq(conferenceChildren.childId, people.id)).where(inArray(conferenceChildren.conferenceId, ids))
    : [];
  return { pending, decided, children: children.map((c) => ({ conferenceId: c.conferenceId, childId: c.child.id, name: childName(c.child) })) };
}
