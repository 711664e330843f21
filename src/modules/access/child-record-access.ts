import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, conferenceChildren, householdMembers, invitations, organisations, professionals, relationships } from '../../db/schema/index.js';
import { mayOpenChildRecord, type ChildRecordRelationship } from '../../policies/child-record.js';
import type { Actor } from '../../policies/roles.js';
import { NotFoundError } from '../shared/errors.js';

const LIVE_INVITATION = ['sent', 'confirmed'];

/**
 * The facts that link this actor to this person's record (see policies/child-record.ts). A child's
 * record belongs to the organisation of the child's cases; an adult's (a parent, a carer) to the
 * organisation of the cases of the children they are related to or live with.
 */
export async function childRelationship(db: Queryable, actor: Actor, childId: string): Promise<ChildRecordRelationship> {
  const caseOrgs = await db.selectDistinct({ id: cases.organisationId }).from(cases).where(or(
    eq(cases.childId, childId),
    inArray(cases.childId, db.select({ id: relationships.childId }).from(relationships).where(eq(relationships.personId, childId))),
    inArray(cases.householdId, db.select({ id: householdMembers.householdId }).from(householdMembers).where(eq(householdMembers.personId, childId))),
  ));
  const [org] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, actor.organisationId));
  const [invited] = await db
    .select({ n: sql<number>`1` })
    .from(invitations)
    .innerJoin(conferenceChildren, eq(conferenceChildren.conferenceId, invitations.conferenceId))
    .leftJoin(professionals, eq(professionals.id, invitations.professionalId))
    .where(and(
      eq(conferenceChildren.childId, childId),
      inArray(invitations.state, LIVE_INVITATION),
      or(eq(invitations.userId, actor.id), eq(professionals.userId, actor.id)),
    ))
    .limit(1);
  return { caseOrganisationIds: caseOrgs.map((r) => r.id), actorInAuthority: org?.kind === 'local-authority', invitedToConference: Boolean(invited) };
}

/**
 * The door to a child's record: 404 (not 403, so nobody learns the child is known here) unless
 * the actor has a relationship to this child. The system itself (actor null: CLI, background
 * jobs) is not a person and is let through.
 */
export async function assertChildAccess(db: Queryable, actor: Actor | null, childId: string): Promise<void> {
  if (actor === null) return;
  if (!mayOpenChildRecord(actor, await childRelationship(db, actor, childId))) throw new NotFoundError('We could not find that record.');
}

/** A conference is as private as the children it is about: every one of them must be open to the actor. */
export async function assertConferenceAccess(db: Queryable, actor: Actor | null, conferenceId: string): Promise<void> {
  if (actor === null) return;
  const children = await db.select({ childId: conferenceChildren.childId }).from(conferenceChildren).where(eq(conferenceChildren.conferenceId, conferenceId));
  for (const { childId } of children) await assertChildAccess(db, actor, childId);
}
