import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, conferenceChildren, conferences, people } from '../../db/schema/index.js';
import { NotFoundError } from './errors.js';
import { childName, isUuid } from './load-records.js';

/** A conference with the children it considers: subjects first, then the other children of the household. */
export async function loadConferenceWithChildren(db: Queryable, id: string) {
  if (!isUuid(id)) throw new NotFoundError('We could not find that conference.');
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, id));
  if (!conference) throw new NotFoundError('We could not find that conference.');
  const rows = await db
    .select({ link: conferenceChildren, child: people, socialWorkerId: cases.socialWorkerId, organisationId: cases.organisationId })
    .from(conferenceChildren)
    .innerJoin(people, eq(conferenceChildren.childId, people.id))
    .leftJoin(cases, eq(cases.id, conferenceChildren.caseId))
    .where(eq(conferenceChildren.conferenceId, id))
    .orderBy(asc(people.dateOfBirth));
  // The allocated social worker of each child: policies decide access by that relationship.
  const children = rows.map((r) => ({ ...r.link, name: childName(r.child), person: r.child, socialWorkerId: r.socialWorkerId ?? null, organisationId: r.organisationId ?? null }));
  return {
    conference,
    /** Every child, youngest last (by date of birth), as letters list them. */
    children,
    subjects: children.filter((c) => c.role === 'subject'),
    householdChildren: children.filter((c) => c.role !== 'subject'),
    childIds: children.map((c) => c.childId),
  };
}
