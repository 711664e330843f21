import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { cases, conferenceChildren, conferences, invitations, letterBatches, outboxMessages, users } from '../../db/schema/index.js';
import { contactProblem } from '../../domain/invitations/editing.js';
import { joinPdfs } from '../../documents/join-pdfs.js';
import { mayPrintLetters } from '../../policies/invitations.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { conferenceReference } from './letters.js';

export interface LetterToPrint {
  messageId: string;
  conferenceId: string;
  reference: string;
  toName: string;
  toAddress: string;
  waitingSince: Date;
}

export interface HeldInvitation {
  conferenceId: string;
  invitationId: string;
  reference: string;
  name: string;
  role: string;
  /** What to add, and where: the invitee's page on the conference's invitation list. */
  fix: string;
  href: string;
}

export interface PrintedBatch {
  id: string;
  printedAt: Date;
  printedBy: string;
  letterCount: number;
}

/**
 * The letters are as private as the children's records: business support prints only the letters
 * of conferences about children whose cases their own authority holds.
 */
async function ownConferences(db: Queryable, context: ActionContext, conferenceIds: (string | null)[]): Promise<Set<string>> {
  const ids = [...new Set(conferenceIds.filter((id): id is string => id !== null))];
  if (ids.length === 0 || !context.actor) return new Set();
  const rows = await db.selectDistinct({ id: conferenceChildren.conferenceId }).from(conferenceChildren)
    .innerJoin(cases, eq(cases.id, conferenceChildren.caseId))
    .where(and(inArray(conferenceChildren.conferenceId, ids), eq(cases.organisationId, context.actor.organisationId)));
  return new Set(rows.map((r) => r.id));
}

async function waitingToPrint(db: Queryable, context: ActionContext, lock = false): Promise<(typeof outboxMessages.$inferSelect)[]> {
  const query = db.select().from(outboxMessages).where(eq(outboxMessages.status, 'to-print')).orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id));
  const rows = lock ? await query.for('update') : await query;
  const own = await ownConferences(db, context, rows.map((r) => r.conferenceId));
  return rows.filter((r) => r.conferenceId !== null && own.has(r.conferenceId));
}

/** IN3: the posted letters waiting to be printed, oldest first: business support's print queue. */
export async function lettersToPrint(db: Queryable, context: ActionContext): Promise<LetterToPrint[]> {
  if (!mayPrintLetters(context.actor)) throw new ForbiddenError();
  const rows = await waitingToPrint(db, context);
  return rows.map((r) => ({
    messageId: r.id, conferenceId: r.conferenceId ?? '', reference: r.conferenceId ? conferenceReference(r.conferenceId) : '',
    toName: r.toName, toAddress: r.toAddress, waitingSince: r.createdAt,
  }));
}

/**
 * IN3: invitations confirmed for a conference whose invitations have gone, but held back because
 * the record lacks the address their channel needs; each with the fix and a link to make it.
 */
export async function heldInvitations(db: Queryable, context: ActionContext): Promise<HeldInvitation[]> {
  if (!mayPrintLetters(context.actor)) throw new ForbiddenError();
  const rows = await db.select({ i: invitations }).from(invitations)
    .innerJoin(conferences, eq(conferences.id, invitations.conferenceId))
    .where(and(eq(invitations.state, 'confirmed'), eq(conferences.status, 'invitations-sent')))
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
  const own = await ownConferences(db, context, rows.map((r) => r.i.conferenceId));
  return rows.flatMap(({ i }) => {
    const problem = own.has(i.conferenceId) ? contactProblem(i) : null;
    return problem ? [{ conferenceId: i.conferenceId, invitationId: i.id, reference: conferenceReference(i.conferenceId), name: i.name, role: i.role, fix: problem.message, href: `/conferences/${i.conferenceId}/invitations/${i.id}` }] : [];
  });
}

function letterPdf(message: typeof outboxMessages.$inferSelect): Buffer {
  const pdf = message.attachments.find((a) => a.contentType === 'application/pdf');
  if (!pdf) throw new ConflictError(`The letter to ${message.toName} has no PDF kept with it.`);
  return Buffer.from(pdf.content, 'base64');
}

async function auditBatch(db: Queryable, context: ActionContext, action: string, batchId: string, conferenceIds: string[]): Promise<void> {
  if (conferenceIds.length === 0) return;
  const subjects = await db.select({ conferenceId: conferenceChildren.conferenceId, childId: conferenceChildren.childId }).from(conferenceChildren)
    .where(and(inArray(conferenceChildren.conferenceId, conferenceIds), eq(conferenceChildren.role, 'subject')));
  for (const s of subjects) await recordAudit(db, context, { action, recordType: 'letter-batch', recordId: batchId, childId: s.childId, details: { conferenceId: s.conferenceId } });
}

/**
 * IN3: prints every letter of this authority waiting as one batch: one PDF with every letter in the order they were
 * queued, the batch recorded (who, when, which letters), and each letter recorded as posted first
 * class in it. Audited for each child whose letters were printed.
 */
export async function printLetterBatch(db: Database, context: ActionContext): Promise<{ batchId: string; count: number; pdf: Buffer }> {
  if (!mayPrintLetters(context.actor) || !context.actor) throw new ForbiddenError();
  const actorId = context.actor.id;
  return db.transaction(async (tx) => {
    const waiting = await waitingToPrint(tx, context, true);
    if (waiting.length === 0) throw new ConflictError('There are no letters waiting to be printed.');
    const [batch] = await tx.insert(letterBatches).values({ printedBy: actorId, printedAt: context.now, letterCount: waiting.length, messageIds: waiting.map((m) => m.id) }).returning();
    if (!batch) throw new Error('letter batch insert returned nothing');
    const pdf = await joinPdfs(waiting.map(letterPdf), `Letters to post: ${waiting.length}`);
    await tx.update(outboxMessages).set({ status: 'posted', sentAt: context.now, attempts: 1, batchId: batch.id }).where(inArray(outboxMessages.id, waiting.map((m) => m.id)));
    await auditBatch(tx, context, 'letters-printed', batch.id, [...new Set(waiting.map((m) => m.conferenceId).filter((id): id is string => id !== null))]);
    return { batchId: batch.id, count: waiting.length, pdf };
  });
}

/** A batch printed before, printed again exactly (a jammed printer): the same letters from the copies kept. */
export async function reprintBatch(db: Database, context: ActionContext, batchId: string): Promise<Buffer> {
  if (!mayPrintLetters(context.actor)) throw new ForbiddenError();
  if (!/^[0-9a-f-]{36}$/i.test(batchId)) throw new NotFoundError('We could not find that batch.');
  const [row] = await db.select({ batch: letterBatches, organisationId: users.organisationId }).from(letterBatches)
    .innerJoin(users, eq(users.id, letterBatches.printedBy)).where(eq(letterBatches.id, batchId));
  // Another authority's batch is as unknown here as its children's records.
  if (!row || row.organisationId !== context.actor?.organisationId) throw new NotFoundError('We could not find that batch.');
  const batch = row.batch;
  const messages = await db.select().from(outboxMessages).where(eq(outboxMessages.batchId, batchId));
  const ordered = batch.messageIds.map((id) => messages.find((m) => m.id === id)).filter((m) => m !== undefined);
  await auditBatch(db, context, 'letter-batch-read', batch.id, [...new Set(ordered.map((m) => m.conferenceId).filter((id): id is string => id !== null))]);
  return joinPdfs(ordered.map(letterPdf), `Letters to post: ${ordered.length}`);
}

/** The batches printed in this authority, newest first. */
export async function recentBatches(db: Queryable, context: ActionContext, limit = 20): Promise<PrintedBatch[]> {
  if (!mayPrintLetters(context.actor) || !context.actor) throw new ForbiddenError();
  return db.select({ id: letterBatches.id, printedAt: letterBatches.printedAt, printedBy: users.displayName, letterCount: letterBatches.letterCount })
    .from(letterBatches).innerJoin(users, eq(users.id, letterBatches.printedBy)).where(eq(users.organisationId, context.actor.organisationId))
    .orderBy(desc(letterBatches.printedAt)).limit(limit);
}
