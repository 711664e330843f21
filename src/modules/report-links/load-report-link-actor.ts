import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { invitations, reportAccessLinks, users } from '../../db/schema/index.js';
import type { Actor } from '../../policies/roles.js';

/**
 * The actor of a session opened through a report link, on every request: null once the
 * invitation is no longer live (removed), so removing an invitation ends its sessions at once.
 * The link's own expiry ends no session already opened; the session's timeouts do.
 */
export async function loadReportLinkActor(db: Queryable, linkId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ link: reportAccessLinks, invitation: invitations, holder: users })
    .from(reportAccessLinks)
    .innerJoin(invitations, eq(invitations.id, reportAccessLinks.invitationId))
    .innerJoin(users, eq(users.id, reportAccessLinks.holderUserId))
    .where(and(eq(reportAccessLinks.id, linkId), inArray(invitations.state, ['sent', 'confirmed'])));
  if (!row || !row.link.usedAt) return null;
  return {
    id: row.holder.id,
    username: row.holder.username,
    displayName: row.holder.displayName,
    organisationId: row.holder.organisationId,
    teamId: null,
    roles: [],
    reportLink: { linkId: row.link.id, invitationId: row.invitation.id, conferenceId: row.invitation.conferenceId },
  };
}
