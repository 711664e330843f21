import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { childParticipation, exclusionRequests, familyParticipation, users } from '../../db/schema/index.js';
import { isFamilyKind } from '../../domain/conference/agencies.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { mayRecordParticipation, mayRequestExclusion } from '../../policies/reports.js';
import { auditChildReads } from '../audit/child-access.js';
import { auditForChildren } from '../audit/audit-children.js';
import { exclusionLetter } from './exclusion-letter.js';
import { conferenceForReports } from '../reports/conference-access.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';

/** Everything the participation and exclusion pages show for one conference; the read is audited per child. */
export async function loadParticipation(db: Database, ctx: ActionContext, conferenceId: string) {
  if (!mayRecordParticipation(ctx.actor) && !mayRequestExclusion(ctx.actor)) throw new ForbiddenError();
  const context = await conferenceForReports(db, ctx.actor, conferenceId);
  await auditChildReads(db, ctx, context.subjects.map((c) => c.childId), { recordType: 'conference-participation', recordId: conferenceId });
  const children = await db.select().from(childParticipation).where(eq(childParticipation.conferenceId, conferenceId));
  const family = await db.select().from(familyParticipation).where(eq(familyParticipation.conferenceId, conferenceId));
  const exclusions = await db
    .select({ request: exclusionRequests, requestedByName: users.displayName })
    .from(exclusionRequests)
    .innerJoin(users, eq(users.id, exclusionRequests.requestedBy))
    .where(eq(exclusionRequests.conferenceId, conferenceId))
    .orderBy(asc(exclusionRequests.requestedAt));
  const familyInvitations = context.invitations.filter((i) => isFamilyKind(i.inviteeKind) && (i.state === 'sent' || i.state === 'confirmed'));
  return { context, children, family, exclusions, familyInvitations };
}

/** EX3: the letter to a family member the chair excluded, as a PDF to read before (or instead of) sending it. */
export async function exclusionLetterPdf(db: Database, ctx: ActionContext, requestId: string): Promise<{ pdf: Buffer; fileName: string }> {
  if (!mayRequestExclusion(ctx.actor)) throw new ForbiddenError();
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new NotFoundError();
  const [request] = await db.select().from(exclusionRequests).where(eq(exclusionRequests.id, requestId));
  if (!request) throw new NotFoundError('We could not find that request.');
  const context = await conferenceForReports(db, ctx.actor, request.conferenceId);
  if (request.status !== 'excluded') throw new ConflictError('A letter is only written once the chair has decided to exclude.');
  await db.transaction(async (tx) => {
    await auditForChildren(tx, ctx, context.subjects.map((s) => s.childId), { action: 'exclusion-letter-produced', recordType: 'exclusion-request', recordId: requestId });
  });
  const { letter } = await exclusionLetter(db, request, context);
  return { pdf: await renderPdf(letter), fileName: 'exclusion-letter.pdf' };
}
