import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { invitations, reportAccessLinks } from '../../db/schema/index.js';
import { reportLinkState, type ReportLinkState } from '../../domain/invitations/report-link.js';
import { hashLinkToken, isLinkTokenShape } from './link-secrets.js';

export type LinkRow = typeof reportAccessLinks.$inferSelect;
export type LinkInvitation = typeof invitations.$inferSelect;

/** Why a link opens nothing, or `open`. `withdrawn`: the invitation was removed since it was sent. */
export type LinkStanding = ReportLinkState | 'unknown' | 'withdrawn';

const LIVE = new Set(['sent', 'confirmed']);

/** The link a token names, with its invitation and where it stands at `now`. */
export async function findLink(db: Queryable, token: string, now: Date): Promise<{ standing: LinkStanding; link: LinkRow | null; invitation: LinkInvitation | null }> {
  if (!isLinkTokenShape(token)) return { standing: 'unknown', link: null, invitation: null };
  const [row] = await db
    .select({ link: reportAccessLinks, invitation: invitations })
    .from(reportAccessLinks)
    .innerJoin(invitations, eq(invitations.id, reportAccessLinks.invitationId))
    .where(eq(reportAccessLinks.tokenHash, hashLinkToken(token)));
  if (!row) return { standing: 'unknown', link: null, invitation: null };
  const state = reportLinkState(row.link, now);
  if (state === 'open' && (!LIVE.has(row.invitation.state) || !row.invitation.email)) return { standing: 'withdrawn', ...row };
  return { standing: state, ...row };
}
