import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { reportAccessLinks } from '../../db/schema/index.js';
import { codeIsLive, maskEmail, REPORT_CODE_MINUTES } from '../../domain/invitations/report-link.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { findLink, type LinkStanding } from './load-link.js';
import { hashCode, newCode } from './link-secrets.js';

export type OpenedLink =
  | { standing: 'open'; maskedEmail: string; codeSent: boolean }
  | { standing: Exclude<LinkStanding, 'open'> };

/**
 * Issue 17, opening the link in the invitation: a code goes to the invited address (through the
 * outbox, to that address only), unless the one sent earlier is still good, so reloading the page
 * does not flood the inbox. Every opening is audited, refused ones too.
 */
export async function openReportLink(db: Database, ctx: ActionContext, token: string): Promise<OpenedLink> {
  return db.transaction(async (tx) => {
    const { standing, link, invitation } = await findLink(tx, token, ctx.now);
    const about = link ? { recordType: 'report-link', recordId: link.id, details: { invitationId: link.invitationId, conferenceId: invitation?.conferenceId } } : { recordType: 'report-link' };
    if (standing !== 'open' || !link || !invitation?.email) {
      await recordAudit(tx, ctx, { action: 'report-link-opened', outcome: 'denied', reason: standing, ...about });
      return { standing: standing === 'open' ? 'withdrawn' : standing };
    }
    await recordAudit(tx, ctx, { action: 'report-link-opened', ...about });
    const maskedEmail = maskEmail(invitation.email);
    if (codeIsLive(link, ctx.now)) return { standing: 'open', maskedEmail, codeSent: false };

    const code = newCode();
    // Only one of two openings at the same moment sends a code: the other finds it live.
    const [claimed] = await tx
      .update(reportAccessLinks)
      .set({ codeHash: hashCode(link.id, code), codeExpiresAt: new Date(ctx.now.getTime() + REPORT_CODE_MINUTES * 60_000), codeSentAt: ctx.now })
      .where(and(eq(reportAccessLinks.id, link.id), isNull(reportAccessLinks.usedAt), or(isNull(reportAccessLinks.codeExpiresAt), lte(reportAccessLinks.codeExpiresAt, ctx.now))))
      .returning({ id: reportAccessLinks.id });
    if (!claimed) return { standing: 'open', maskedEmail, codeSent: false };
    await enqueueMessage(tx, {
      channel: 'email',
      toName: invitation.name,
      toAddress: invitation.email,
      subject: 'Your code to open your conference report',
      bodyText: `Your code is ${code}.\n\nEnter it on the page that asked for it. It works once, for ${REPORT_CODE_MINUTES} minutes.\n\nIf you did not open a link to write a report for a child protection conference, you can ignore this email: nobody can use the link without this code.`,
      relatedType: 'report-link',
      relatedId: link.id,
      conferenceId: invitation.conferenceId,
    }, ctx.now);
    await recordAudit(tx, ctx, { action: 'report-code-sent', ...about });
    return { standing: 'open', maskedEmail, codeSent: true };
  });
}
