import { eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceChildren } from '../../db/schema/index.js';
import { childRecordAccess, type ChildRecordAccess, type ChildRecordRelationship } from '../../policies/child-record.js';
import type { Actor } from '../../policies/roles.js';
import { holdsReportLink, reportLinkReaches } from '../../policies/report-link.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import { rowsOf } from '../shared/rows-of.js';

/**
 * The person may look at this child's record, but has no working relationship with the child:
 * the web layer shows the break-glass page (403) instead of the record, asking the reason.
 */
export class BreakGlassRequired extends ForbiddenError {
  constructor(readonly childId: string) {
    super('You have no working relationship with this child. Give the reason you need to see the record first.');
    this.name = 'BreakGlassRequired';
  }
}

type RelationshipRow = {
  orgs: string | null; in_authority: boolean | null; allocated: boolean; in_team: boolean; unallocated: boolean;
  chairs: boolean; invited: boolean; attended: boolean; granted: boolean; by_link: boolean;
};

/**
 * The facts that link the actor to one person's record, as one select: `childId` is the person's
 * id as SQL (a parameter, or a column of the list the select runs for). The facts are gathered by
 * `child_record_relationship` (migration 0041: a function, so its plan is kept, not made again on
 * every page); what they allow is decided in policies/child-record.ts.
 */
function relationshipSelect(actor: Actor, childId: SQL): SQL {
  return sql`select * from child_record_relationship(${childId}, ${actor.id}::uuid, ${actor.organisationId}::uuid, ${actor.teamId}::uuid, ${actor.sessionKey ?? null}::text, ${actor.reportLink?.conferenceId ?? null}::uuid)`;
}

function relationshipOf(row: RelationshipRow | undefined): ChildRecordRelationship {
  return {
    caseOrganisationIds: row?.orgs ? row.orgs.split(',') : [],
    actorInAuthority: Boolean(row?.in_authority),
    invitedToConference: Boolean(row?.invited),
    attendedConference: Boolean(row?.attended),
    allocated: Boolean(row?.allocated),
    inAllocatedTeam: Boolean(row?.in_team),
    unallocated: Boolean(row?.unallocated),
    chairsConference: Boolean(row?.chairs),
    breakGlassGranted: Boolean(row?.granted),
    reportLinkConference: Boolean(row?.by_link),
  };
}

/**
 * The facts that link this actor to this person's record (see policies/child-record.ts), in one
 * statement: the record is opened on every page about a child, so this stays a single round trip.
 */
export async function childRelationship(db: Queryable, actor: Actor, childId: string): Promise<ChildRecordRelationship> {
  const [row] = rowsOf<RelationshipRow>(await db.execute(relationshipSelect(actor, sql`${childId}::uuid`)));
  return relationshipOf(row);
}

/**
 * childRelationship for several people in one statement (issue 16: a conference about three
 * children checked them in three): the same select run for each id of the list.
 */
export async function childRelationships(db: Queryable, actor: Actor, childIds: readonly string[]): Promise<Map<string, ChildRecordRelationship>> {
  const unique = [...new Set(childIds)];
  if (unique.length === 0) return new Map();
  const rows = rowsOf<RelationshipRow & { person_id: string }>(await db.execute(sql`
    select wanted.person_id::text as person_id, facts.*
    from unnest(${sql.param(unique)}::uuid[]) as wanted(person_id)
    cross join lateral (${relationshipSelect(actor, sql`wanted.person_id`)}) as facts
  `));
  const byId = new Map(rows.map((r) => [r.person_id, r]));
  return new Map(unique.map((id) => [id, relationshipOf(byId.get(id))]));
}

/** What this actor may do with this child's record: open it, break the glass first, or nothing. */
export async function childAccessFor(db: Queryable, actor: Actor, childId: string): Promise<ChildRecordAccess> {
  return childRecordAccess(actor, await childRelationship(db, actor, childId));
}

/**
 * The door to a child's record: 404 (not 403, so nobody learns the child is known here) unless
 * the actor has a relationship to this child; the break-glass page (BreakGlassRequired) for
 * staff whose role may look but who have no working relationship with this child. The system
 * itself (actor null: CLI, background jobs) is not a person and is let through.
 */
export async function assertChildAccess(db: Queryable, actor: Actor | null, childId: string): Promise<void> {
  if (actor === null) return;
  const access = await childAccessFor(db, actor, childId);
  if (access === 'break-glass') throw new BreakGlassRequired(childId);
  if (access !== 'open') throw new NotFoundError('We could not find that record.');
}

/** assertChildAccess's answer for each of several children, read in one statement: null where the record opens. */
export async function childAccessProblems(db: Queryable, actor: Actor | null, childIds: readonly string[]): Promise<Map<string, Error | null>> {
  const unique = [...new Set(childIds)];
  if (actor === null) return new Map(unique.map((id) => [id, null]));
  const relationships = await childRelationships(db, actor, unique);
  return new Map(unique.map((id) => {
    const access = childRecordAccess(actor, relationships.get(id)!);
    return [id, access === 'open' ? null : access === 'break-glass' ? new BreakGlassRequired(id) : new NotFoundError('We could not find that record.')];
  }));
}

/** A conference is as private as the children it is about: every one of them must be open to the actor. */
export async function assertConferenceAccess(db: Queryable, actor: Actor | null, conferenceId: string): Promise<void> {
  if (actor === null) return;
  const children = await db.select({ childId: conferenceChildren.childId }).from(conferenceChildren).where(eq(conferenceChildren.conferenceId, conferenceId));
  for (const { childId } of children) await assertChildAccess(db, actor, childId);
}

/** The records a form may be sent to, by the path segment before the id, and the SQL that finds their children. */
const CHILDREN_OF: Record<string, (id: string) => ReturnType<typeof sql>> = {
  conferences: (id) => sql`select child_id from conference_children where conference_id = ${id}::uuid`,
  cases: (id) => sql`select child_id from cases where id = ${id}::uuid`,
  people: (id) => sql`select id as child_id from people where id = ${id}::uuid`,
  referrals: (id) => sql`select c.child_id from referrals r join cases c on c.id = r.case_id where r.id = ${id}::uuid`,
  'section-47': (id) => sql`select c.child_id from section_47_enquiries s join cases c on c.id = s.case_id where s.id = ${id}::uuid`,
  'out-of-timescale': (id) => sql`select cc.child_id from out_of_timescale_authorisations o join conference_children cc on cc.conference_id = o.conference_id where o.id = ${id}::uuid`,
  'practice-concerns': (id) => sql`select cc.child_id from practice_concerns p join conference_children cc on cc.conference_id = p.conference_id where p.id = ${id}::uuid`,
};

/** Whether a route's records are gated here: its first segment is one of CHILDREN_OF and the next is its id. */
export function gatedRecord(routeUrl: string, params: Record<string, unknown>): { kind: string; id: string } | null {
  const [, first, second] = routeUrl.split('/');
  if (!first || !second?.startsWith(':') || !(first in CHILDREN_OF)) return null;
  const id = params[second.slice(1)];
  return typeof id === 'string' ? { kind: first, id } : null;
}

/**
 * Issue 19: a form sent to a record about children (a conference, a case, a referral, …) is
 * refused before the handler reads, validates or checks the state of anything, unless every
 * child of the record is open to the person: so a refused form never re-renders the record, nor
 * says what state it is in. A record that does not exist is left to the route's own 404.
 */
export async function assertRecordAccess(db: Queryable, actor: Actor | null, record: { kind: string; id: string }): Promise<void> {
  const query = CHILDREN_OF[record.kind];
  if (actor === null || !query) return;
  // A report link's holder opens no child's record: they send forms to their invitation's conference only.
  if (holdsReportLink(actor)) {
    if (!reportLinkReaches(actor, record)) throw new NotFoundError('We could not find that record.');
    return;
  }
  for (const { child_id: childId } of rowsOf<{ child_id: string }>(await db.execute(query(record.id)))) await assertChildAccess(db, actor, childId);
}
