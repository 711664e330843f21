import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { invitations, professionals, reportAccessLinks } from '../../db/schema/index.js';
import { REPORT_CODE_MINUTES, REPORT_LINK_DAYS_AFTER_CONFERENCE } from '../../domain/invitations/report-link.js';
import { hashLinkToken, newLinkToken } from './link-secrets.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SendOptions {
  /** Where people open Convene (CONVENE_PUBLIC_URL), to make report links whole addresses; null: the path only. */
  siteAddress?: string | null;
}

/** The path the invitation's email carries; the token is in it and nowhere else. */
export function reportLinkPath(token: string): string {
  return `/report-access/${token}`;
}

/** What the email says about the link. */
export function reportLinkWords(siteAddress: string | null | undefined, token: string): string {
  const link = `${siteAddress ?? ''}${reportLinkPath(token)}`;
  return `You can write your agency's report for the conference without an account: open ${link}${siteAddress ? '' : ' in Convene'}. ` +
    `We will send a code to this email address, which works once for ${REPORT_CODE_MINUTES} minutes. The link works once, until a week after the conference; do not pass it on.`;
}

/**
 * Issue 17: of these invitations, the professionals invited by email who have no account (neither
 * the invitation nor their directory entry names a user): they get a report link.
 */
export async function withoutAccounts(db: Queryable, list: (typeof invitations.$inferSelect)[]): Promise<Set<string>> {
  const emailed = list.filter((i) => i.inviteeKind === 'professional' && i.channel === 'secure-email' && i.email);
  const professionalIds = emailed.map((i) => i.professionalId).filter((id): id is string => id !== null);
  const withUsers = professionalIds.length
    ? await db.select({ id: professionals.id }).from(professionals).where(and(inArray(professionals.id, professionalIds), isNotNull(professionals.userId)))
    : [];
  const hasUser = new Set(withUsers.map((p) => p.id));
  return new Set(emailed.filter((i) => i.userId === null && !(i.professionalId && hasUser.has(i.professionalId))).map((i) => i.id));
}

/**
 * A new report link for an invitation, inside the sending transaction (so a link exists only if
 * its email is queued). Returns the token, which only the email will hold.
 */
export async function issueReportLink(tx: Queryable, invitationId: string, conferenceStart: Date, now: Date): Promise<string> {
  const token = newLinkToken();
  await tx.insert(reportAccessLinks).values({
    invitationId,
    tokenHash: hashLinkToken(token),
    expiresAt: new Date(conferenceStart.getTime() + REPORT_LINK_DAYS_AFTER_CONFERENCE * DAY_MS),
    createdAt: now,
  });
  return token;
}

/** The invitations of a conference that were sent a report link: the organiser may send them a new one. */
export async function invitationsWithLinks(db: Queryable, conferenceId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: reportAccessLinks.invitationId })
    .from(reportAccessLinks)
    .innerJoin(invitations, eq(invitations.id, reportAccessLinks.invitationId))
    .where(eq(invitations.conferenceId, conferenceId));
  return new Set(rows.map((r) => r.id));
}
