import type { Queryable } from '../../db/client.js';
import { reportAccessLinks } from '../../db/schema/index.js';
import { REPORT_LINK_DAYS_AFTER_CONFERENCE } from '../../domain/invitations/report-link.js';
import { hashLinkToken, newLinkToken } from './link-secrets.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The path the invitation's email carries; the token is in it and nowhere else. */
export function reportLinkPath(token: string): string {
  return `/report-access/${token}`;
}

/**
 * Issue 17: a new report link for an invitation, inside the sending transaction (so a link exists
 * only if its email is queued). Returns the token, which only the email will hold.
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
