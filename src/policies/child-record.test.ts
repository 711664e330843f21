import { describe, expect, it } from 'vitest';
import { childRecordAccess, type ChildRecordAccess, type ChildRecordRelationship } from './child-record.js';
import { ROLE_IDS, type Actor, type RoleId } from './roles.js';

const AUTHORITY = 'la';
const actor = (role: RoleId, organisationId = AUTHORITY): Actor => ({ id: role, username: role, displayName: role, organisationId, teamId: 'team', roles: [role] });
/** A child allocated to someone else's team, with a case in the authority: no relationship at all. */
const none: ChildRecordRelationship = { caseOrganisationIds: [AUTHORITY], actorInAuthority: true, invitedToConference: false };
const STAFF_WHO_MAY_LOOK: RoleId[] = ['social-worker', 'team-manager', 'chair'];
const BY_FUNCTION: RoleId[] = ['register-officer', 'business-support', 'service-manager'];
const NO_REASON_TO_LOOK: RoleId[] = ['agency-practitioner', 'enquirer', 'administrator', 'auditor'];

/**
 * The relationship table of issue 19 (README, "Need-to-know"): role × relationship → outcome,
 * for a child of the actor's own authority. Every role is listed for every relationship.
 */
const TABLE: { relationship: string; facts: Partial<ChildRecordRelationship>; outcome: Record<RoleId, ChildRecordAccess> }[] = [
  {
    relationship: 'none (allocated to another team)', facts: {},
    outcome: { 'social-worker': 'break-glass', 'team-manager': 'break-glass', chair: 'break-glass', 'register-officer': 'open', 'business-support': 'open', 'service-manager': 'open', 'agency-practitioner': 'refused', enquirer: 'refused', administrator: 'refused', auditor: 'refused' },
  },
  {
    relationship: 'allocated (lead social worker, team manager or IRO of the case)', facts: { allocated: true },
    outcome: { 'social-worker': 'open', 'team-manager': 'open', chair: 'open', 'register-officer': 'open', 'business-support': 'open', 'service-manager': 'open', 'agency-practitioner': 'refused', enquirer: 'refused', administrator: 'refused', auditor: 'refused' },
  },
  {
    relationship: 'in the allocated team', facts: { inAllocatedTeam: true },
    outcome: { 'social-worker': 'open', 'team-manager': 'open', chair: 'break-glass', 'register-officer': 'open', 'business-support': 'open', 'service-manager': 'open', 'agency-practitioner': 'refused', enquirer: 'refused', administrator: 'refused', auditor: 'refused' },
  },
  {
    relationship: 'chairs a conference about the child', facts: { chairsConference: true },
    outcome: { 'social-worker': 'break-glass', 'team-manager': 'break-glass', chair: 'open', 'register-officer': 'open', 'business-support': 'open', 'service-manager': 'open', 'agency-practitioner': 'refused', enquirer: 'refused', administrator: 'refused', auditor: 'refused' },
  },
  {
    relationship: 'invited to a conference about the child', facts: { invitedToConference: true },
    outcome: { 'social-worker': 'open', 'team-manager': 'open', chair: 'open', 'register-officer': 'open', 'business-support': 'open', 'service-manager': 'open', 'agency-practitioner': 'open', enquirer: 'refused', administrator: 'refused', auditor: 'refused' },
  },
  {
    relationship: 'attended a conference about the child', facts: { attendedConference: true },
    outcome: { 'social-worker': 'open', 'team-manager': 'open', chair: 'open', 'register-officer': 'open', 'business-support': 'open', 'service-manager': 'open', 'agency-practitioner': 'open', enquirer: 'refused', administrator: 'refused', auditor: 'refused' },
  },
  {
    relationship: 'not allocated yet (front door), or no case yet', facts: { unallocated: true },
    outcome: { 'social-worker': 'open', 'team-manager': 'open', chair: 'open', 'register-officer': 'open', 'business-support': 'open', 'service-manager': 'open', 'agency-practitioner': 'refused', enquirer: 'refused', administrator: 'refused', auditor: 'refused' },
  },
  {
    relationship: 'gave a reason on the break-glass page in this session', facts: { breakGlassGranted: true },
    outcome: { 'social-worker': 'open', 'team-manager': 'open', chair: 'open', 'register-officer': 'open', 'business-support': 'open', 'service-manager': 'open', 'agency-practitioner': 'refused', enquirer: 'refused', administrator: 'refused', auditor: 'refused' },
  },
];

describe('need-to-know: access to a child’s record follows the relationship (issue 19)', () => {
  for (const row of TABLE) {
    it(`relationship "${row.relationship}": every role`, () => {
      for (const role of ROLE_IDS) expect(childRecordAccess(actor(role), { ...none, ...row.facts }), role).toBe(row.outcome[role]);
    });
  }

  it('staff whose role may look get the break-glass page; by function, open; no reason to look, refused', () => {
    for (const role of STAFF_WHO_MAY_LOOK) expect(childRecordAccess(actor(role), none)).toBe('break-glass');
    for (const role of BY_FUNCTION) expect(childRecordAccess(actor(role), none)).toBe('open');
    for (const role of NO_REASON_TO_LOOK) expect(childRecordAccess(actor(role), none)).toBe('refused');
  });

  it('another organisation’s staff are refused whatever the relationship, and cannot break the glass', () => {
    const everything: ChildRecordRelationship = { ...none, allocated: true, inAllocatedTeam: true, chairsConference: true, unallocated: true, breakGlassGranted: true };
    for (const role of ROLE_IDS.filter((r) => r !== 'agency-practitioner')) expect(childRecordAccess(actor(role, 'other'), everything), role).toBe('refused');
    // A partner agency's practitioner is from another organisation by definition: the invitation is what lets them in.
    expect(childRecordAccess(actor('agency-practitioner', 'health'), { ...none, invitedToConference: true })).toBe('open');
    expect(childRecordAccess(actor('agency-practitioner', 'health'), { ...none, breakGlassGranted: true })).toBe('refused');
  });

  it('before any case exists, the record is the authority’s: its staff open it, others do not', () => {
    const noCase: ChildRecordRelationship = { caseOrganisationIds: [], actorInAuthority: true, invitedToConference: false, unallocated: true };
    expect(childRecordAccess(actor('social-worker'), noCase)).toBe('open');
    expect(childRecordAccess(actor('social-worker', 'health'), { ...noCase, actorInAuthority: false })).toBe('refused');
  });

  it('nobody signed in: refused', () => {
    expect(childRecordAccess(null, { ...none, allocated: true })).toBe('refused');
  });

  it('a person with two roles gets the more open of them', () => {
    const both: Actor = { ...actor('chair'), roles: ['chair', 'business-support'] };
    expect(childRecordAccess(both, none)).toBe('open');
  });

  it('a report link’s holder (issue 17) opens the children of their invitation’s conference only, whatever else is true', () => {
    const holder: Actor = { id: 'h', username: 'report-link-x', displayName: 'Pat', organisationId: AUTHORITY, teamId: null, roles: [], reportLink: { linkId: 'l', invitationId: 'i', conferenceId: 'c' } };
    expect(childRecordAccess(holder, { ...none, reportLinkConference: true })).toBe('open');
    expect(childRecordAccess(holder, none)).toBe('refused');
    for (const fact of ['invitedToConference', 'attendedConference', 'allocated', 'unallocated', 'breakGlassGranted'] as const) {
      expect(childRecordAccess(holder, { ...none, [fact]: true }), fact).toBe('refused');
    }
    // A role on the same person changes nothing: the link decides.
    expect(childRecordAccess({ ...holder, roles: ['business-support'] }, none)).toBe('refused');
  });
});
