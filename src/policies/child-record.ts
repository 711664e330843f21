import { mayViewChildRecords } from './children.js';
import { hasRole, type Actor, type RoleId } from './roles.js';

/**
 * What links a person to one child's record, worked out from the data by
 * src/modules/access/child-record-access.ts. A role says what kind of work someone does; this
 * says whether this child is any of their business (need-to-know, issue 19).
 *
 * "The child's cases" are the cases of the child, of the children the person is related to (a
 * parent's record follows their children's), and of the household they live in.
 */
export interface ChildRecordRelationship {
  /** The organisations whose cases this child has (normally one: the deployment's authority). */
  caseOrganisationIds: readonly string[];
  /** Whether the actor's own organisation is a local authority (the deployment's authority). */
  actorInAuthority: boolean;
  /** A live (sent or confirmed) invitation of the actor to a conference about this child. */
  invitedToConference: boolean;
  /** The actor was recorded as attending a conference about this child. */
  attendedConference?: boolean;
  /** The actor is the lead social worker, team manager or IRO of one of the child's cases. */
  allocated?: boolean;
  /** The actor is in the team of the social worker or team manager allocated to one of the child's cases. */
  inAllocatedTeam?: boolean;
  /** None of the child's cases has a social worker or team manager yet (or there is no case): front-door work, anyone's to pick up. */
  unallocated?: boolean;
  /** The actor chairs (or is the IRO of) a conference about this child. */
  chairsConference?: boolean;
  /** The actor gave a reason on the break-glass page for this child, in this session. */
  breakGlassGranted?: boolean;
  /** The actor came in through a report link (issue 17) for a conference about this child. */
  reportLinkConference?: boolean;
}

/**
 * - `open`: the record is shown;
 * - `break-glass`: the person's role may look, but they have no working relationship with this
 *   child: they are asked for a reason first (the page says so), and their manager and the auditor are told;
 * - `refused`: 404 (nobody learns the child is known here).
 */
export type ChildRecordAccess = 'open' | 'break-glass' | 'refused';

/** Roles whose function covers every child of the authority: the register, the conference diary, the service. */
export const BY_FUNCTION_ROLES: readonly RoleId[] = ['register-officer', 'business-support', 'service-manager'];

/**
 * Who may open a child's record:
 * - another organisation's staff never (a partner agency's practitioner aside), whatever their
 *   role: a child's record belongs to the organisation of the child's cases (or, before any case
 *   exists, to the authority);
 * - the authority's register officer (designated manager), business support and service managers
 *   by their function, for every child of the authority;
 * - the authority's social workers and team managers for the children allocated to them or to
 *   their team, chairs for the children of conferences they chair; anyone invited to or attending a
 *   conference about the child; anyone while a child is not yet allocated (front-door work);
 * - the same staff with no working relationship: only through the break-glass page (`break-glass`);
 * - a partner-agency practitioner only while invited to, or recorded attending, a conference
 *   about this child (a role alone gives them nothing);
 * - nobody else (enquirers, administrators, auditors).
 */
export function childRecordAccess(actor: Actor | null, r: ChildRecordRelationship): ChildRecordAccess {
  if (actor === null) return 'refused';
  // A report link's holder has no role: only the invitation they hold, to a conference about the child, opens anything.
  if (actor.reportLink) return r.reportLinkConference ? 'open' : 'refused';
  const conference = r.invitedToConference || Boolean(r.attendedConference);
  if (mayViewChildRecords(actor)) {
    const orgs = r.caseOrganisationIds;
    const ours = orgs.length === 0 ? r.actorInAuthority : orgs.includes(actor.organisationId);
    if (ours) {
      if (hasRole(actor, ...BY_FUNCTION_ROLES)) return 'open';
      if (r.unallocated || conference || r.breakGlassGranted) return 'open';
      if (hasRole(actor, 'social-worker', 'team-manager') && (r.allocated || r.inAllocatedTeam)) return 'open';
      if (hasRole(actor, 'chair') && (r.chairsConference || r.allocated)) return 'open';
      return 'break-glass';
    }
  }
  if (hasRole(actor, 'agency-practitioner') && conference) return 'open';
  return 'refused';
}

/** The record is shown (no break-glass step needed). */
export function mayOpenChildRecord(actor: Actor | null, relationship: ChildRecordRelationship): boolean {
  return childRecordAccess(actor, relationship) === 'open';
}

/** Break-glass reasons: long enough to say something an auditor can check. */
export const BREAK_GLASS_REASON_MIN = 20;
export const BREAK_GLASS_REASON_MAX = 2000;
