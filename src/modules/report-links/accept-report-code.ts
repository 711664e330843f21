import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { professionals, reportAccessLinks, users } from '../../db/schema/index.js';
import { CODE_PATTERN, normaliseCode, REPORT_CODE_ATTEMPTS } from '../../domain/invitations/report-link.js';
import { recordAudit } from '../audit/record-audit.js';
import { theAuthority } from '../enquiry/the-authority.js';
import type { ActionContext } from '../shared/action-context.js';
import { findLink, type LinkInvitation, type LinkStanding } from './load-link.js';
import { hashCode } from './link-secrets.js';

export type CodeAnswer =
  | { ok: true; linkId: string; invitationId: string; conferenceId: string }
  /** `wrong`: not this link's live code (or none is live); `attemptsLeft` before the link locks. */
  | { ok: false; standing: 'wrong'; attemptsLeft: number }
  | { ok: false; standing: Exclude<LinkStanding, 'open'> };

/**
 * Issue 17, the code typed on the link's page. Each try is counted first, by one conditional
 * increment in the database, so parallel guesses all count and no more than
 * REPORT_CODE_ATTEMPTS are ever compared; only then is the code compared. The right code, once,
 * marks the link used and returns what the restricted session holds.
 */
export async function acceptReportCode(db: Database, ctx: ActionContext, token: string, typed: string): Promise<CodeAnswer> {
  const { standing, link, invitation } = await findLink(db, token, ctx.now);
  const refuse = async (answer: Exclude<CodeAnswer, { ok: true }>, attempts?: number) => {
    await recordAudit(db, ctx, {
      action: 'report-code-refused', outcome: 'denied', reason: answer.standing, recordType: 'report-link',
      ...(link ? { recordId: link.id, details: { invitationId: link.invitationId, conferenceId: invitation?.conferenceId, attempts } } : {}),
    });
    return answer;
  };
  if (standing !== 'open' || !link || !invitation) return refuse({ ok: false, standing: standing === 'open' ? 'withdrawn' : standing });

  const [counted] = await db
    .update(reportAccessLinks)
    .set({ attempts: sql`${reportAccessLinks.attempts} + 1` })
    .where(and(eq(reportAccessLinks.id, link.id), isNull(reportAccessLinks.usedAt), lt(reportAccessLinks.attempts, REPORT_CODE_ATTEMPTS)))
    .returning({ attempts: reportAccessLinks.attempts, codeHash: reportAccessLinks.codeHash, codeExpiresAt: reportAccessLinks.codeExpiresAt });
  if (!counted) return refuse({ ok: false, standing: 'locked' });

  const code = normaliseCode(typed);
  const codeHash = CODE_PATTERN.test(code) ? hashCode(link.id, code) : null;
  const right = codeHash !== null && counted.codeHash === codeHash && counted.codeExpiresAt !== null && ctx.now < counted.codeExpiresAt;
  if (!right) {
    const left = REPORT_CODE_ATTEMPTS - counted.attempts;
    return refuse(left > 0 ? { ok: false, standing: 'wrong', attemptsLeft: left } : { ok: false, standing: 'locked' }, counted.attempts);
  }

  return db.transaction(async (tx) => {
    // Single use: of two right answers at once, only the one that clears the code goes on.
    const [used] = await tx
      .update(reportAccessLinks)
      .set({ usedAt: ctx.now, codeHash: null })
      .where(and(eq(reportAccessLinks.id, link.id), isNull(reportAccessLinks.usedAt), eq(reportAccessLinks.codeHash, codeHash)))
      .returning({ id: reportAccessLinks.id });
    if (!used) {
      await recordAudit(tx, ctx, { action: 'report-code-refused', outcome: 'denied', reason: 'used', recordType: 'report-link', recordId: link.id });
      return { ok: false, standing: 'used' } as const;
    }
    const holderId = await linkHolder(tx, invitation, ctx.now);
    await tx.update(reportAccessLinks).set({ holderUserId: holderId }).where(eq(reportAccessLinks.id, link.id));
    await recordAudit(tx, ctx, {
      action: 'report-code-accepted', recordType: 'report-link', recordId: link.id, userId: holderId, username: holderUsername(invitation.id),
      details: { invitationId: invitation.id, conferenceId: invitation.conferenceId, attempts: counted.attempts },
    });
    return { ok: true, linkId: link.id, invitationId: invitation.id, conferenceId: invitation.conferenceId } as const;
  });
}

export function holderUsername(invitationId: string): string {
  return `report-link-${invitationId}`;
}

/**
 * The principal a link holder acts as. Reports and drafts name their author as a user, so the
 * invitation gets one: no roles, a password hash nothing can match, and inactive, so it can never
 * sign in and no role-based page lets it in. One per invitation, however many links it is sent.
 */
async function linkHolder(tx: Queryable, invitation: LinkInvitation, now: Date): Promise<string> {
  const username = holderUsername(invitation.id);
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (existing) return existing.id;
  const [professional] = invitation.professionalId
    ? await tx.select({ organisationId: professionals.organisationId }).from(professionals).where(eq(professionals.id, invitation.professionalId))
    : [];
  const organisationId = professional?.organisationId ?? (await theAuthority(tx)).id;
  const [created] = await tx
    .insert(users)
    .values({
      username, displayName: invitation.name, email: invitation.email, jobTitle: invitation.role, organisationId,
      roles: [], passwordHash: '!report-link: no password', active: false, createdAt: now, updatedAt: now,
    })
    .returning({ id: users.id });
  if (!created) throw new Error('user insert returned nothing');
  return created.id;
}
