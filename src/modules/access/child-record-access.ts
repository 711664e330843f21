import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, conferenceChildren, invitations, organisations, professionals } from '../../db/schema/index.js';
import { mayOpenChildRecord, type ChildRecordRelationship } from '../../policies/child-record.js';
import type { Actor } from '../../policies/roles.js';
import { NotFoundError } from '../shared/errors.js';

const LIVE_INVITATION = ['sent', 'confirmed'];

/** The facts that link this actor to this child's record (see policies/child-record.ts). */
export async function childRelationship(db: Queryable, actor: Actor, childId: string): Promise<ChildRecordRelationship> {
  const caseOrgs = await db.selectDistinct({ id: cases.organisationId }).from(cases).where(eq(cases.childId, childId));
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
