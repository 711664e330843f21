import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/client.js';
import {
  addresses, cases, childProtectionPlans, childrensCentreLists, childrensCentres, meetingDecisions, people,
} from '../../db/schema/index.js';
import { composeCentreList, type CentreListCandidate } from '../../domain/register/centre-list.js';
import { quarterOf } from '../../domain/register/register-view.js';
import { formatDate } from '../../domain/deadlines/index.js';
import type { Actor } from '../../policies/roles.js';
import { mayKeepRegister } from '../../policies/register.js';
import { recordAudit } from '../audit/record-audit.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';
import { auditChildrenListed } from './register-audit.js';
import { bumpVersion } from '../shared/versioned-update.js';

function allowed(context: ActionContext): Actor {
  const actor = context.actor;
  if (!actor || !mayKeepRegister(actor)) throw new ForbiddenError();
  return actor;
}

export const centreInput = z.object({
  name: z.string().trim().min(1, 'Enter the children’s centre’s name').max(200, 'Enter the name in 200 characters or fewer'),
  secureEmail: z.email({ error: 'Enter the centre’s secure email address, like centre@example.gov.uk' }).max(200),
  postcodeDistricts: z
    .string()
    .trim()
    .min(1, 'Enter the postcode districts the centre serves, like ZZ1, ZZ2')
    .max(500, 'Enter 500 characters or fewer')
    .transform((v) => v.split(/[\s,;]+/).filter(Boolean).map((d) => d.toUpperCase()))
    .refine((ds) => ds.every((d) => /^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(d)), 'Enter each district as the first half of a postcode, like ZZ1 or EC1A'),
});

/** RG6: a children's centre and the postcode districts it serves, kept by the designated manager. */
export async function saveCentre(db: Database, context: ActionContext, raw: unknown): Promise<string> {
  const actor = allowed(context);
  const parsed = centreInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'form', message: i.message })));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(childrensCentres).values({ organisationId: actor.organisationId, ...parsed.data }).returning({ id: childrensCentres.id });
    await recordAudit(tx, context, { action: 'childrens-centre-added', recordType: 'childrens-centre', recordId: row!.id, details: { name: parsed.data.name } });
    return row!.id;
  });
}

/**
 * The children on an open plan of this authority today, with their current postcode and the DC8
 * answer of the latest conference decision that made or kept their plan.
 */
async function candidates(db: Queryable, organisationId: string, on: string): Promise<CentreListCandidate[]> {
  const plans = await db
    .select({ plan: childProtectionPlans, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth, edd: people.expectedDeliveryDate })
    .from(childProtectionPlans)
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .where(and(eq(cases.organisationId, organisationId), isNull(childProtectionPlans.endDate), isNull(childProtectionPlans.responsibleAuthority)));
  const childIds = plans.map((p) => p.plan.childId);
  if (!childIds.length) return [];
  const homes = await db.select().from(addresses).where(and(inArray(addresses.personId, childIds), isNull(addresses.toDate))).orderBy(desc(addresses.fromDate));
  const decisions = await db
    .select({ childId: meetingDecisions.childId, childrensCentre: meetingDecisions.childrensCentre })
    .from(meetingDecisions)
    .where(and(inArray(meetingDecisions.childId, childIds), eq(meetingDecisions.outcome, 'plan')))
    .orderBy(desc(meetingDecisions.decidedAt));
  return plans.map((p) => {
    const dc8 = decisions.find((d) => d.childId === p.plan.childId)?.childrensCentre;
    return {
      childId: p.plan.childId, name: `${p.givenNames} ${p.familyName}`.trim(), dateOfBirth: p.dateOfBirth, expectedDeliveryDate: p.edd,
      postcode: homes.find((h) => h.personId === p.plan.childId && h.fromDate <= on)?.postcode ?? null, planStart: p.plan.startDate,
      childrensCentre: dc8 === 'told' || dc8 === 'not-told' ? dc8 : null,
    };
  });
}

/** RG6: this quarter's list for a centre, generated as a draft (or regenerated while not yet sent). */
export async function generateCentreList(db: Database, context: ActionContext, centreId: string): Promise<string> {
  const actor = allowed(context);
  const today = londonDateOf(context.now).toString();
  const { quarter } = quarterOf(today);
  return db.transaction(async (tx) => {
    const [centre] = await tx.select().from(childrensCentres).where(and(eq(childrensCentres.id, centreId), eq(childrensCentres.organisationId, actor.organisationId)));
    if (!centre) throw new NotFoundError('That children’s centre does not exist.');
    const list = composeCentreList(await candidates(tx, actor.organisationId, today), centre.postcodeDistricts, today);
    const [existing] = await tx.select().from(childrensCentreLists).where(and(eq(childrensCentreLists.centreId, centreId), eq(childrensCentreLists.quarter, quarter))).for('update');
    if (existing?.status === 'sent') throw new ConflictError(`The ${quarter} list for ${centre.name} has already been sent.`);
    const values = { asOf: today, named: list.named, unnamedCount: list.unnamedCount, status: 'draft', generatedBy: actor.id, generatedAt: context.now, reviewedBy: null, reviewedAt: null };
    let id: string;
    if (existing) {
      await bumpVersion(tx, childrensCentreLists, eq(childrensCentreLists.id, existing.id), values);
      id = existing.id;
    } else {
      const [row] = await tx.insert(childrensCentreLists).values({ centreId, quarter, ...values }).returning({ id: childrensCentreLists.id });
      id = row!.id;
    }
    await recordAudit(tx, context, { action: 'centre-list-generated', recordType: 'centre-list', recordId: id, details: { quarter, named: list.named.length, counted: list.unnamedCount } });
    await auditChildrenListed(tx, context, list.named.map((n) => n.childId), { action: 'centre-list-named', recordType: 'centre-list', recordId: id, details: { quarter, centre: centre.name } });
    return id;
  });
}

async function claim(tx: Queryable, actor: Actor, id: string, version: number, from: string) {
  const [row] = await tx
    .select({ list: childrensCentreLists, centre: childrensCentres })
    .from(childrensCentreLists)
    .innerJoin(childrensCentres, eq(childrensCentreLists.centreId, childrensCentres.id))
    .where(and(eq(childrensCentreLists.id, id), eq(childrensCentres.organisationId, actor.organisationId)))
    .for('update');
  if (!row) throw new NotFoundError('That list does not exist.');
  if (row.list.version !== version) throw new ConflictError('The list has changed since you opened it: look at it again.');
  if (row.list.status !== from) throw new ConflictError(from === 'draft' ? 'This list has already been reviewed.' : 'The list must be reviewed before it is sent, and is sent only once.');
  return row;
}

/** The designated manager has checked the names and the count. */
export async function reviewCentreList(db: Database, context: ActionContext, id: string, version: number): Promise<void> {
  const actor = allowed(context);
  await db.transaction(async (tx) => {
    await claim(tx, actor, id, version, 'draft');
    await bumpVersion(tx, childrensCentreLists, eq(childrensCentreLists.id, id), { status: 'reviewed', reviewedBy: actor.id, reviewedAt: context.now });
    await recordAudit(tx, context, { action: 'centre-list-reviewed', recordType: 'centre-list', recordId: id });
  });
}

/** Sends a reviewed list to the centre's secure email through the outbox; the list is kept as sent. */
export async function sendCentreList(db: Database, context: ActionContext, id: string, version: number): Promise<void> {
  const actor = allowed(context);
  await db.transaction(async (tx) => {
    const { list, centre } = await claim(tx, actor, id, version, 'reviewed');
    const lines = [
      `Children with a child protection plan aged under 5 in your area (${centre.postcodeDistricts.join(', ')}), ${list.quarter}, as on ${formatDate(list.asOf)}.`,
      '',
      list.named.length ? 'Named with their parents’ agreement:' : 'No child is named: no parent has agreed to the centre being told.',
      ...list.named.map((n) => `- ${n.name}, ${n.dateOfBirth ? `born ${formatDate(n.dateOfBirth)}` : `unborn, due ${n.expectedDeliveryDate ? formatDate(n.expectedDeliveryDate) : 'date not known'}`}; on a plan since ${formatDate(n.planStart)}`),
      '',
      `Other children under 5 with a plan whose parents did not agree to be named: ${list.unnamedCount}.`,
      '',
      `Sent by ${actor.displayName}, designated manager. Keep this list securely.`,
    ];
    const messageId = await enqueueMessage(tx, {
      channel: 'email', toName: centre.name, toAddress: centre.secureEmail, subject: `Children with a plan in your area: ${list.quarter}`, bodyText: lines.join('\n'),
      relatedType: 'centre-list', relatedId: id,
    }, context.now);
    await bumpVersion(tx, childrensCentreLists, eq(childrensCentreLists.id, id), { status: 'sent', sentBy: actor.id, sentAt: context.now, outboxMessageId: messageId });
    await recordAudit(tx, context, { action: 'centre-list-sent', recordType: 'centre-list', recordId: id, details: { to: centre.secureEmail, named: list.named.length, counted: list.unnamedCount } });
    await auditChildrenListed(tx, context, list.named.map((n) => n.childId), { action: 'disclosed-to-childrens-centre', recordType: 'centre-list', recordId: id, details: { quarter: list.quarter, centre: centre.name } });
  });
}

export interface CentreView {
  id: string;
  name: string;
  secureEmail: string;
  postcodeDistricts: string[];
  lists: (typeof childrensCentreLists.$inferSelect)[];
}

/** The centres and every list issued to each (the lists are kept), newest first. */
export async function loadCentres(db: Queryable, context: ActionContext): Promise<CentreView[]> {
  const actor = allowed(context);
  const centres = await db.select().from(childrensCentres).where(eq(childrensCentres.organisationId, actor.organisationId)).orderBy(asc(childrensCentres.name));
  const lists = centres.length ? await db.select().from(childrensCentreLists).where(inArray(childrensCentreLists.centreId, centres.map((c) => c.id))).orderBy(desc(childrensCentreLists.quarter)) : [];
  return centres.map((c) => ({ ...c, lists: lists.filter((l) => l.centreId === c.id) }));
}

/** One list as the designated manager reviews it; the named children shown are audited. */
export async function loadCentreList(db: Queryable, context: ActionContext, id: string) {
  const actor = allowed(context);
  const [row] = await db
    .select({ list: childrensCentreLists, centre: childrensCentres })
    .from(childrensCentreLists)
    .innerJoin(childrensCentres, eq(childrensCentreLists.centreId, childrensCentres.id))
    .where(and(eq(childrensCentreLists.id, id), eq(childrensCentres.organisationId, actor.organisationId)));
  if (!row) throw new NotFoundError('That list does not exist.');
  await auditChildrenListed(db, context, row.list.named.map((n) => n.childId), { action: 'child-record-viewed', recordType: 'centre-list', recordId: id, details: {} });
  return row;
}

/** The register officer's queue: each centre whose list for this quarter has not been sent. */
export async function centreListItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  const today = ctx.now.toPlainDate().toString();
  const { quarter, end } = quarterOf(today);
  const centres = await db.select().from(childrensCentres).where(eq(childrensCentres.organisationId, actor.organisationId));
  if (!centres.length) return [];
  const lists = await db.select().from(childrensCentreLists).where(and(inArray(childrensCentreLists.centreId, centres.map((c) => c.id)), eq(childrensCentreLists.quarter, quarter)));
  return centres.flatMap((c) => {
    const list = lists.find((l) => l.centreId === c.id);
    if (list?.status === 'sent') return [];
    const step = !list ? 'to generate' : list.status === 'draft' ? 'to review' : 'to send';
    return [undatedItem({ title: `${quarter} list for ${c.name}: ${step}`, detail: `Due by the end of the quarter, ${formatDate(end)} (RG6)`, href: list ? `/register/centre-lists/${list.id}` : '/register/centres', childIds: [] }, end)];
  });
}
