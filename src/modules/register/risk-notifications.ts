import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database, Queryable } from '../../db/client.js';
import {
  cases, childProtectionPlans, householdMembers, households, people, riskNotificationRecipients, riskNotifications, users,
} from '../../db/schema/index.js';
import { mayKeepRegister } from '../../policies/register.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { bumpVersion } from '../shared/versioned-update.js';

const realDate = (message: string) =>
  z.string().trim().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** Text with a NUL or other control character (tab and line breaks allowed) is refused, not stored. */
const noControl = (s: string) => ![...s].some((ch) => {
  const code = ch.charCodeAt(0);
  return code < 32 && code !== 9 && code !== 10 && code !== 13;
});

export const riskNotificationInput = z.object({
  personName: z.string().trim().min(1, 'Enter the name of the person who may pose a risk').max(200, 'Enter the name in 200 characters or fewer').refine(noControl, 'Remove the control characters from the name'),
  personDateOfBirth: z.preprocess(blankToUndefined, realDate('Enter their date of birth as a real date, like 1980-01-31').optional()),
  concern: z.string().trim().min(1, 'Enter what the notification says about the risk').max(5000, 'Enter the concern in 5,000 characters or fewer').refine(noControl, 'Remove the control characters from the concern'),
  source: z.string().trim().min(1, 'Enter who sent the notification, like the probation service').max(200, 'Enter the source in 200 characters or fewer').refine(noControl, 'Remove the control characters from the source'),
  receivedOn: realDate('Enter the date it was received as a real date, like 2026-03-02'),
  householdId: z.preprocess(blankToUndefined, z.uuid({ error: 'Choose the household from the list' }).optional()),
});

function validation(error: z.ZodError): ValidationError {
  return new ValidationError(error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'form', message: i.message })));
}

/**
 * RG5: a notification that a person who may pose a risk to children is in a household. Recorded
 * at once; when the household is known it goes straight to the lead social workers of the children
 * there on a plan, otherwise it waits in the register officer's queue until linked.
 */
export async function recordRiskNotification(db: Database, context: ActionContext, raw: unknown): Promise<{ id: string; told: number }> {
  const actor = context.actor;
  if (!actor || !mayKeepRegister(actor)) throw new ForbiddenError();
  const parsed = riskNotificationInput.safeParse(raw);
  if (!parsed.success) throw validation(parsed.error);
  const input = parsed.data;
  if (input.receivedOn > londonIsoDate(context.now)) throw new ValidationError([{ field: 'receivedOn', message: 'The date received cannot be in the future' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(riskNotifications)
      .values({
        organisationId: actor.organisationId, personName: input.personName, personDateOfBirth: input.personDateOfBirth ?? null, concern: input.concern,
        source: input.source, receivedOn: input.receivedOn, status: 'received', recordedBy: actor.id, recordedAt: context.now,
      })
      .returning();
    if (!row) throw new Error('risk notification not created');
    await recordAudit(tx, context, { action: 'risk-notification-recorded', recordType: 'risk-notification', recordId: row.id, details: { source: input.source } });
    const told = input.householdId ? await linkAndSend(tx, context, row.id, input.householdId) : 0;
    return { id: row.id, told };
  });
}

/** Links a received notification to its household and tells each lead social worker concerned. */
export async function sendRiskNotification(db: Database, context: ActionContext, id: string, raw: unknown): Promise<{ told: number }> {
  const actor = context.actor;
  if (!actor || !mayKeepRegister(actor)) throw new ForbiddenError();
  const parsed = z.object({ householdId: z.uuid({ error: 'Choose the household from the list' }), version: z.coerce.number().int() }).safeParse(raw);
  if (!parsed.success) throw validation(parsed.error);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(riskNotifications).where(and(eq(riskNotifications.id, id), eq(riskNotifications.organisationId, actor.organisationId))).for('update');
    if (!row) throw new NotFoundError('That notification does not exist.');
    if (row.status !== 'received') throw new ConflictError('This notification has already been sent.');
    if (row.version !== parsed.data.version) throw new ConflictError('Someone else changed this notification: look at it again.');
    return { told: await linkAndSend(tx, context, id, parsed.data.householdId) };
  });
}

async function linkAndSend(tx: Queryable, context: ActionContext, id: string, householdId: string): Promise<number> {
  const actor = context.actor!;
  const [household] = await tx.select().from(households).where(eq(households.id, householdId));
  if (!household) throw new ValidationError([{ field: 'householdId', message: 'Choose the household from the list' }] satisfies FieldError[]);
  const [row] = await tx.select().from(riskNotifications).where(eq(riskNotifications.id, id));
  if (!row) throw new NotFoundError('That notification does not exist.');
  const lead = alias(users, 'lead');
  // Children living in the household now with an open plan of this authority, and who leads each plan.
  const onPlans = await tx
    .select({ plan: childProtectionPlans, givenNames: people.givenNames, familyName: people.familyName, leadId: lead.id, leadName: lead.displayName, leadEmail: lead.email })
    .from(householdMembers)
    .innerJoin(childProtectionPlans, and(eq(childProtectionPlans.childId, householdMembers.personId), isNull(childProtectionPlans.endDate)))
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .innerJoin(people, eq(people.id, householdMembers.personId))
    .leftJoin(lead, eq(lead.id, sql`coalesce(${childProtectionPlans.leadSocialWorkerId}, ${cases.socialWorkerId})`))
    .where(and(eq(householdMembers.householdId, householdId), isNull(householdMembers.toDate), eq(cases.organisationId, actor.organisationId)));
  for (const c of onPlans) {
    const child = `${c.givenNames} ${c.familyName}`.trim();
    const messageId = c.leadEmail
      ? await enqueueMessage(tx, {
          channel: 'email', toName: c.leadName ?? 'Lead social worker', toAddress: c.leadEmail,
          subject: 'Risk notification for a child on a plan you lead',
          bodyText: [
            `${row.source} has notified us, on ${row.receivedOn}, that a person who may pose a risk to children is connected with the household of ${child}.`,
            `Person: ${row.personName}${row.personDateOfBirth ? `, born ${row.personDateOfBirth}` : ''}.`,
            `What the notification says: ${row.concern}`,
            'Please consider whether the plan needs to change, and whether the review should be brought forward.',
            `Recorded by ${actor.displayName}, designated manager.`,
          ].join('\n'),
          relatedType: 'risk-notification', relatedId: id,
        }, context.now)
      : null;
    await tx.insert(riskNotificationRecipients).values({ notificationId: id, childId: c.plan.childId, planId: c.plan.id, socialWorkerId: c.leadId, outboxMessageId: messageId });
    await recordAudit(tx, context, { action: 'risk-notification-sent', recordType: 'risk-notification', recordId: id, childId: c.plan.childId, details: { to: c.leadName, emailed: messageId !== null } });
  }
  await bumpVersion(tx, riskNotifications, eq(riskNotifications.id, id), { householdId, status: 'sent', sentBy: actor.id, sentAt: context.now });
  return onPlans.length;
}

export interface RiskNotificationView {
  id: string;
  personName: string;
  personDateOfBirth: string | null;
  concern: string;
  source: string;
  receivedOn: string;
  status: string;
  version: number;
  household: string | null;
  told: { child: string; planId: string; socialWorker: string | null; emailed: boolean }[];
}

/** The register officer's list of risk notifications, newest first, with whom each was sent to. */
export async function loadRiskNotifications(db: Queryable, context: ActionContext, options: { id?: string } = {}): Promise<RiskNotificationView[]> {
  const actor = context.actor;
  if (!actor || !mayKeepRegister(actor)) throw new ForbiddenError();
  const rows = await db
    .select({ n: riskNotifications, household: households.name })
    .from(riskNotifications)
    .leftJoin(households, eq(riskNotifications.householdId, households.id))
    .where(and(eq(riskNotifications.organisationId, actor.organisationId), options.id ? eq(riskNotifications.id, options.id) : undefined))
    .orderBy(desc(riskNotifications.recordedAt))
    .limit(200);
  const ids = rows.map((r) => r.n.id);
  const told = ids.length
    ? await db
        .select({ r: riskNotificationRecipients, givenNames: people.givenNames, familyName: people.familyName, worker: users.displayName })
        .from(riskNotificationRecipients)
        .innerJoin(people, eq(riskNotificationRecipients.childId, people.id))
        .leftJoin(users, eq(riskNotificationRecipients.socialWorkerId, users.id))
        .where(inArray(riskNotificationRecipients.notificationId, ids))
    : [];
  for (const t of told) await recordAudit(db, context, { action: 'child-record-viewed', recordType: 'risk-notification', recordId: t.r.notificationId, childId: t.r.childId });
  return rows.map(({ n, household }) => ({
    id: n.id, personName: n.personName, personDateOfBirth: n.personDateOfBirth, concern: n.concern, source: n.source, receivedOn: n.receivedOn,
    status: n.status, version: n.version, household,
    told: told.filter((t) => t.r.notificationId === n.id).map((t) => ({ child: `${t.givenNames} ${t.familyName}`.trim(), planId: t.r.planId, socialWorker: t.worker, emailed: t.r.outboxMessageId !== null })),
  }));
}

/** Households to link a notification to, by name. */
export async function householdChoices(db: Queryable): Promise<{ value: string; text: string }[]> {
  const rows = await db.select({ id: households.id, name: households.name }).from(households).orderBy(households.name).limit(2000);
  return rows.map((h) => ({ value: h.id, text: h.name }));
}

/** For a lead social worker's queue: risk notifications about children on plans they lead, from the last 28 days. */
export async function riskNotificationsFor(db: Queryable, socialWorkerId: string, since: Date) {
  return db
    .select({ notificationId: riskNotifications.id, planId: riskNotificationRecipients.planId, childId: riskNotificationRecipients.childId, personName: riskNotifications.personName, source: riskNotifications.source, sentAt: riskNotifications.sentAt, givenNames: people.givenNames, familyName: people.familyName })
    .from(riskNotificationRecipients)
    .innerJoin(riskNotifications, eq(riskNotificationRecipients.notificationId, riskNotifications.id))
    .innerJoin(people, eq(riskNotificationRecipients.childId, people.id))
    .where(and(eq(riskNotificationRecipients.socialWorkerId, socialWorkerId), gte(riskNotifications.sentAt, since)))
    .orderBy(desc(riskNotifications.sentAt))
    .limit(50);
}
