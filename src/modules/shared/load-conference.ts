import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, conferenceChildren, conferences, people } from '../../db/schema/index.js';
import { NotFoundError } from './errors.js';
import { listsInOneRead } from './lists-in-one-read.js';
import { childName, isUuid } from './load-records.js';

/** A conference with the children it considers: subjects first, then the other children of the household. */
export async function loadConferenceWithChildren(db: Queryable, id: string) {
  if (!isUuid(id)) throw new NotFoundError('We could not find that conference.');
  // The conference, its links to children, those children and their cases in one statement (issue
  // 16: thirty-odd pages open a conference this way), joined here as the query joined them before:
  // children by date of birth, each link with its child and (if any) its case.
  const inConference = db.select({ id: conferenceChildren.childId }).from(conferenceChildren).where(eq(conferenceChildren.conferenceId, id));
  const read = await listsInOneRead(db, {
    conference: { table: conferences, where: eq(conferences.id, id) },
    links: { table: conferenceChildren, where: eq(conferenceChildren.conferenceId, id) },
    // Twins, or unborn children without a date, in one order on every read: by name, then id.
    people: { table: people, where: inArray(people.id, inConference), orderBy: sql.join([asc(people.dateOfBirth), asc(people.givenNames), asc(people.familyName), asc(people.id)], sql`, `) },
    cases: { table: cases, where: inArray(cases.id, db.select({ id: conferenceChildren.caseId }).from(conferenceChildren).where(eq(conferenceChildren.conferenceId, id))) },
  });
  const [conference] = read.conference;
  if (!conference) throw new NotFoundError('We could not find that conference.');
  const casesById = new Map(read.cases.map((c) => [c.id, c]));
  const rows = read.people.flatMap((child) => read.links.filter((link) => link.childId === child.id).map((link) => {
    const found = casesById.get(link.caseId);
    return { link, child, socialWorkerId: found?.socialWorkerId ?? null, organisationId: found?.organisationId ?? null };
  }));
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
