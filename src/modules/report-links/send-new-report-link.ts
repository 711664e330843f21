import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { reportAccessLinks } from '../../db/schema/index.js';
import { whenText } from '../../documents/invitation-letter.js';
import { mayManageInvitations } from '../../policies/invitations.js';
import { auditForChildren, loadInvitationState } from '../invitations/invitation-state.js';
import { coordinatorOf } from '../invitations/letters.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { issueReportLink, reportLinkWords, withoutAccounts, type SendOptions } from './issue-report-link.js';

/**
 * Issue 17: the organiser sends a partner practitioner a new report link (theirs was used,
 * expired or locked, or never arrived). The links sent before and not yet used stop working, so
 * only the newest one opens anything; the new one goes to the invited address through the outbox.
 */
export async function sendNewReportLink(db: Database, ctx: ActionContext, conferenceId: string, invitationId: string, options: SendOptions = {}): Promise<void> {
  if (!mayManageInvitations(ctx.actor) || !ctx.actor) throw new ForbiddenError();
  const state = await loadInvitationState(db, conferenceId);
  const invitation = state.invitations.find((i) => i.id === invitationId);
  if (!invitation) throw new NotFoundError('We could not find that invitation.');
  const start = state.conference.scheduledStart;
  if (invitation.state !== 'sent' || !invitation.email || !start) throw new ConflictError('Only an invitation already sent by email can be sent a new report link.');
  if (!(await withoutAccounts(db, [invitation])).has(invitation.id)) throw new ConflictError(`${invitation.name} has an account: they sign in to write their report.`);
  const coordinator = await coordinatorOf(db, ctx.actor.id);
  await db.transaction(async (tx) => {
    await tx.update(reportAccessLinks).set({ expiresAt: ctx.now })
      .where(and(eq(reportAccessLinks.invitationId, invitation.id), isNull(reportAccessLinks.usedAt), gt(reportAccessLinks.expiresAt, ctx.now)));
    const token = await issueReportLink(tx, invitation.id, start, ctx.now);
    await enqueueMessage(tx, {
      channel: 'email',
      toName: invitation.name,
      toAddress: invitation.email!,
      subject: `Your new link to write your report for the conference on ${whenText(start)}`,
      bodyText: `Dear ${invitation.name.replace(/\s*\(to be named\)$/, '')},\n\n${reportLinkWords(options.siteAddress, token)} Any link we sent you before no longer works.\n\n${coordinator.name}${coordinator.email ? `\n${coordinator.email}` : ''}`,
      // Not 'invitation': that names the sent letter, which this email is not.
      relatedType: 'invitation-report-link',
      relatedId: invitation.id,
      conferenceId,
    }, ctx.now);
    await auditForChildren(tx, ctx, state, { action: 'report-link-sent', recordType: 'invitation', recordId: invitation.id });
  });
}
