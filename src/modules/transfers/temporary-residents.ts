import { and, asc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { cases, childProtectionPlans, conferenceChildren, invitations, people, temporaryResidentChanges } from '../../db/schema/index.js';
import { TEMPORARY_CHANGES, temporaryChangeProblems, type TemporaryChangeInput } from '../../domain/transfers/other-authority-children.js';
import { mayHandleTransfers } from '../../policies/escalation.js';
import type { Actor } from '../../policies/roles.js';
import { assertChildAccess } from '../access/child-record-access.js';
import { auditChildReads } from '../audit/child-access.js';
import { recordAudit } from '../audit/record-audit.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { bumpVersion } from '../shared/versioned-update.js';

const nameOf = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`.trim();

/**
 * TR3 (`003` temporary residents): a child of another authority living here on its plan (a plan
 * whose responsible authority is not us), the change recorded when they move on or that authority
 * ends the plan, and the local agencies involved with the child. Audited as a read of the child.
 */
export async function loadTemporaryResident(db: Queryable, ctx: ActionContext, planId: string) {
  if (!ctx.actor || !mayHandleTransfers(ctx.actor)) throw new ForbiddenError();
  const [row] = await db.select({ plan: childProtectionPlans, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth })
    .from(childProtectionPlans).innerJoin(people, eq(childProtectionPlans.childId, people.id)).where(eq(childProtectionPlans.id, planId));
  if (!row || !row.plan.responsibleAuthority) throw new NotFoundError('We could not find a child living here on another authority’s plan.');
  await auditChildReads(db, ctx, [row.plan.childId], { recordType: 'temporary-resident', recordId: planId });
  const [change] = await db.select().from(temporaryResidentChanges).where(eq(temporaryResidentChanges.planId, planId));
  return { plan: row.plan, childName: nameOf(row), dateOfBirth: row.dateOfBirth, change: change ?? null, agencies: await agenciesInvolved(db, row.plan.childId) };
}

/** The agencies involved with the child here: the professionals invited to any conference about them, once per address. */
async function agenciesInvolved(db: Queryable, childId: string) {
  const rows = await db.selectDistinct({ name: invitations.name, role: invitations.role, organisationName: invitations.organisationName, email: invitations.email })
    .from(invitations)
    .innerJoin(conferenceChildren, eq(conferenceChildren.conferenceId, invitations.conferenceId))
    .where(and(eq(conferenceChildren.childId, childId), eq(invitations.inviteeKind, 'professional'), ne(invitations.state, 'removed'), isNotNull(invitations.email)))
    .orderBy(asc(invitations.name));
  const seen = new Set<string>();
  return rows.filter((r) => r.email && !seen.has(r.email.toLowerCase()) && (seen.add(r.email.toLowerCase()), true)).map((r) => ({ ...r, email: r.email! }));
}

/** The change is recorded and the child's entry on our register ends on that day; the agencies are told next. */
export async function recordTemporaryResidentChange(db: Database, ctx: ActionContext, planId: string, input: TemporaryChangeInput): Promise<void> {
  const t = await loadTemporaryResident(db, ctx, planId);
  await assertChildAccess(db, ctx.actor, t.plan.childId);
  if (t.change) throw new ConflictError('A change is already recorded for this child.');
  if (t.plan.endDate) throw new ConflictError('This child is no longer on the register here.');
  const problems = temporaryChangeProblems(input, { planStartedOn: t.plan.startDate, today: londonDateOf(ctx.now).toString() });
  if (problems.length) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(temporaryResidentChanges).values({
      planId, childId: t.plan.childId, change: input.change!, changedOn: input.changedOn!, details: input.details.trim(), recordedBy: ctx.actor?.id ?? null, recordedAt: ctx.now,
    }).onConflictDoNothing().returning({ id: temporaryResidentChanges.id });
    if (!row) throw new ConflictError('A change is already recorded for this child.');
    // Guarded by the plan being open, not by a version: the change row above is the claim.
    const ended = await bumpVersion(tx, childProtectionPlans, and(eq(childProtectionPlans.id, planId), isNull(childProtectionPlans.endDate)), {
      endDate: input.changedOn!, endReason: input.change === 'moved-on' ? 'moved-away' : 'ended-by-responsible-authority',
    });
    if (!ended.length) throw new ConflictError('This child is no longer on the register here.');
    await recordAudit(tx, ctx, { action: 'temporary-resident-change-recorded', recordType: 'temporary-resident', recordId: row.id, childId: t.plan.childId, details: { change: input.change } });
  });
}

/**
 * The local agencies involved are told of the change, by secure email through the outbox, with
 * any further agency named here; once told, the item leaves the designated manager's list.
 */
export async function tellLocalAgencies(db: Database, ctx: ActionContext, planId: string, extra: { name: string; email: string } | null): Promise<number> {
  const t = await loadTemporaryResident(db, ctx, planId);
  if (!t.change) throw new ConflictError('Record the change before telling the agencies.');
  if (t.change.agenciesToldAt) throw new ConflictError('The agencies have already been told.');
  const recipients = [...t.agencies.map((a) => ({ name: a.organisationName ? `${a.name}, ${a.organisationName}` : a.name, email: a.email })), ...(extra ? [extra] : [])];
  if (!recipients.length) throw new ValidationError([{ field: 'email', message: 'No agency is recorded as involved with this child: enter one to tell' }]);
  const change = t.change;
  await db.transaction(async (tx) => {
    // Guarded by the agencies not yet being told, so the letters go once whatever version was seen.
    const [row] = await bumpVersion(tx, temporaryResidentChanges, and(eq(temporaryResidentChanges.id, change.id), isNull(temporaryResidentChanges.agenciesToldAt)), {
      agenciesToldAt: ctx.now, agenciesToldBy: ctx.actor?.id ?? null, agenciesTold: recipients.map((r) => ({ name: r.name, address: r.email })),
    });
    if (!row) throw new ConflictError('The agencies have already been told.');
    for (const r of recipients) {
      await enqueueMessage(tx, {
        channel: 'email', toName: r.name, toAddress: r.email,
        subject: 'Change for a child living in our area on another authority’s child protection plan',
        bodyText: [
          `Dear ${r.name},`,
          `${t.childName}${t.dateOfBirth ? ` (born ${t.dateOfBirth})` : ''} has been living in our area on a child protection plan held by ${t.plan.responsibleAuthority}.`,
          `${TEMPORARY_CHANGES[change.change as keyof typeof TEMPORARY_CHANGES]} on ${change.changedOn}. ${change.details}`,
          'The child is no longer on our register. Please update your records; contact the responsible authority with any concern.',
        ].join('\n\n'),
        relatedType: 'temporary-resident', relatedId: change.id,
      }, ctx.now);
    }
    await recordAudit(tx, ctx, { action: 'temporary-resident-agencies-told', recordType: 'temporary-resident', recordId: change.id, childId: t.plan.childId, details: { recipients: recipients.length } });
  });
  return recipients.length;
}

/** Children living here on another authority's plan, open or changed but with agencies not yet told: this authority's. */
export async function listTemporaryResidents(db: Queryable, actor: Actor) {
  const rows = await db.select({ plan: childProtectionPlans, givenNames: people.givenNames, familyName: people.familyName, change: temporaryResidentChanges })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .innerJoin(cases, and(eq(cases.id, childProtectionPlans.caseId), eq(cases.organisationId, actor.organisationId)))
    .leftJoin(temporaryResidentChanges, eq(temporaryResidentChanges.planId, childProtectionPlans.id))
    .where(and(isNotNull(childProtectionPlans.responsibleAuthority), sql`(${childProtectionPlans.endDate} is null or (${temporaryResidentChanges.id} is not null and ${temporaryResidentChanges.agenciesToldAt} is null))`))
    .orderBy(asc(people.familyName))
    .limit(200);
  return rows.map((r) => ({ planId: r.plan.id, childId: r.plan.childId, childName: nameOf(r), responsibleAuthority: r.plan.responsibleAuthority!, change: r.change, toTell: r.change !== null && r.change.agenciesToldAt === null }));
}
