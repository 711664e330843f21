import { mayViewChildRecords } from './children.js';
import { hasRole, type Actor } from './roles.js';

/**
 * What links a person to one child's record, worked out from the data by
 * src/modules/access/child-record-access.ts. A role says what kind of work someone does; this
 * says whether this child is any of their business.
 */
export interface ChildRecordRelationship {
  /** The organisations whose cases this child has (normally one: the deployment's authority). */
  caseOrganisationIds: readonly string[];
  /** Whether the actor's own organisation is a local authority (the deployment's authority). */
  actorInAuthority: boolean;
  /** A live (sent or confirmed) invitation of the actor to a conference about this child. */
  invitedToConference: boolean;
}

/**
 * Who may open a child's record:
 * - the authority's safeguarding staff (children.ts), only for children whose case belongs to
 *   their own organisation (or, before any case exists, when they work for the authority):
 *   another authority's staff never read it, whatever their role;
 * - a partner-agency practitioner only while invited to a conference about this child (a role
 *   alone gives them nothing);
 * - nobody else (enquirers, administrators, auditors).
 */
export function mayOpenChildRecord(actor: Actor | null, relationship: ChildRecordRelationship): boolean {
  if (actor === null) return false;
  if (mayViewChildRecords(actor)) {
    const orgs = relationship.caseOrganisationIds;
    if (orgs.length === 0 ? relationship.actorInAuthority : orgs.includes(actor.organisationId)) return true;
  }
  return hasRole(actor, 'agency-practitioner') && relationship.invitedToConference;
}
