import { choiceSet } from '../domain/choices.js';

/** The roles of DOMAIN.md; a user may hold more than one. */
export const { labels: ROLE_LABELS, values: ROLE_IDS, is: isRoleId } = choiceSet({
  'social-worker': 'Social worker',
  'team-manager': 'Team manager',
  'service-manager': 'Service manager',
  chair: 'Conference chair',
  'business-support': 'Business support',
  'agency-practitioner': 'Agency practitioner',
  'register-officer': 'Register officer',
  enquirer: 'Enquirer',
  administrator: 'Administrator',
  auditor: 'Auditor',
});
export type RoleId = (typeof ROLE_IDS)[number];

/** Who is acting: what policies need to know about the signed-in user. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  teamId: string | null;
  roles: readonly RoleId[];
  /**
   * The signed-in session (a hash of its id), when acting through the web: what a break-glass
   * grant is tied to, so it ends with the session. Absent for the CLI, jobs and API clients.
   */
  sessionKey?: string | null;
  /**
   * Set only for someone who came in through a partner's report link (issue 17) rather than a
   * sign-in: the one invitation they hold, and its conference. They have no roles.
   */
  reportLink?: ReportLinkScope | null;
}

/** What a report link's holder holds: one invitation to one conference. */
export interface ReportLinkScope {
  linkId: string;
  invitationId: string;
  conferenceId: string;
}

export function hasRole(actor: Actor | null, ...roles: RoleId[]): boolean {
  return actor !== null && actor.roles.some((r) => roles.includes(r));
}
