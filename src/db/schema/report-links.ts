import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { invitations } from './invitations.js';
import { instant, userRef, id } from './columns.js';

/**
 * Issue 17: the link in the invitation of a partner agency's practitioner who has no account.
 * The token itself is only ever in the email; the table keeps its SHA-256, so a copy of the
 * database opens nothing. Opening the link sends a one-time code to the invited address; the
 * right code, once, makes a session that reaches only this invitation's conference report.
 */
export const reportAccessLinks = pgTable(
  'report_access_links',
  {
    ...id(),
    invitationId: uuid('invitation_id').notNull().references(() => invitations.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    /** When a code was accepted: the link then opens nothing more (single use). */
    usedAt: instant('used_at'),
    /** The one-time code last sent (SHA-256 with the link's id), until it is accepted or expires. */
    codeHash: text('code_hash'),
    codeExpiresAt: instant('code_expires_at'),
    codeSentAt: instant('code_sent_at'),
    /** Codes tried on this link, right or wrong, whichever code was live: 5 and the link is locked. */
    attempts: integer('attempts').notNull().default(0),
    /**
     * The account-less principal the report is written as (reports and drafts name a user): made
     * when the first code is accepted, with no roles, no password and inactive, so it can never sign in.
     */
    holderUserId: userRef('holder_user_id'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('report_access_links_token').on(t.tokenHash), index('report_access_links_invitation').on(t.invitationId)],
);
