import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { cases, childProtectionPlans, householdMembers, people, transferNotices } from '../../db/schema/index.js';
import { CATEGORY_CODES } from '../../domain/conference/categories.js';
import { mayKeepRegister } from '../../policies/register.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { bumpVersion } from '../shared/versioned-update.js';

const isoDate = (message: string) =>
  z.string().trim().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message);

export const placementInput = z.object({
  childId: z.uuid({ error: 'Choose the child placed here' }),
  responsibleAuthority: z.string().trim().min(1, 'Enter the authority responsible for the plan').max(200, 'Enter the authority in 200 characters or fewer'),
  otherContactName: z.string().trim().min(1, 'Enter their lead social worker’s name').max(200, 'Enter the name in 200 characters or fewer'),
  otherContactEmail: z.email({ error: 'Enter their lead social worker’s email address, like name@example.gov.uk' }).max(200),
  categories: z.array(z.enum(CATEGORY_CODES, { error: 'Choose a category from the list' })).min(1, 'Choose at least one category'),
  planStartedOn: isoDate('Enter the date their plan started as a real date, like 2026-01-31'),
  placedOn: isoDate('Enter the date the child was placed here as a real date, like 2026-01-31'),
  legalStatus: z.string().trim().max(200, 'Enter the legal status in 200 characters or fewer').transform((v) => v || null),
});
export type PlacementInput = z.infer<typeof placementInput>;

/**
 * RG1: a child placed in our area on another authority's plan (a foster or residential placement,
 * not a move of responsibility: that is a transfer in, TR1). The register must list them, with the
 * responsible authority, so an enquiry about them is answered; the plan row carries that authority
 * and is never reviewed by our conferences.
 */
export async function recordPlacement(db: Database, context: ActionContext, raw: unknown): Promise<{ planId: string }> {
  const actor = context.actor;
  if (!actor || !mayKeepRegister(actor)) throw new ForbiddenError();
  const parsed = placementInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'form', message: i.message })));
  const input = parsed.data;
  const today = londonIsoDate(context.now);
  const errors = [];
  if (input.placedOn > today) errors.push({ field: 'placedOn', message: 'The date the child was placed cannot be in the future' });
  if (input.planStartedOn > today) errors.push({ field: 'planStartedOn', message: 'The date their plan started cannot be in the future' });
  const [child] = await db.select().from(people).where(eq(people.id, input.childId));
  if (!child || child.kind !== 'child') errors.push({ field: 'childId', message: 'Choose the child placed here' });
  if (errors.length) throw new ValidationError(errors);
  return db.transaction(async (tx) => {
    const [open] = await tx.select().from(childProtectionPlans).where(and(eq(childProtectionPlans.childId, input.childId), isNull(childProtectionPlans.endDate)));
    if (open) throw new ValidationError([{ field: 'childId', message: 'This child already has a plan on the register' }]);
    let [openCase] = await tx.select().from(cases).where(and(eq(cases.childId, input.childId), eq(cases.organisationId, actor.organisationId), isNull(cases.closedOn)));
    if (!openCase) {
      const [membership] = await tx.select().from(householdMembers).where(and(eq(householdMembers.personId, input.childId), isNull(householdMembers.toDate)));
      [openCase] = await tx
        .insert(cases)
        .values({ childId: input.childId, householdId: membership?.householdId ?? null, organisationId: actor.organisationId, openedOn: input.placedOn, legalStatus: input.legalStatus })
        .returning();
    } else if (input.legalStatus) {
      await bumpVersion(tx, cases, eq(cases.id, openCase.id), { legalStatus: input.legalStatus });
    }
    if (!openCase) throw new Error('case not created');
    const earlier = await tx.select({ id: childProtectionPlans.id }).from(childProtectionPlans).where(eq(childProtectionPlans.childId, input.childId));
    const [plan] = await tx
      .insert(childProtectionPlans)
      .values({
        caseId: openCase.id, childId: input.childId, startDate: input.planStartedOn, initialCategories: input.categories, latestCategories: input.categories,
        previousPlans: earlier.length, responsibleAuthority: input.responsibleAuthority,
      })
      .returning({ id: childProtectionPlans.id });
    if (!plan) throw new Error('plan not created');
    const [notice] = await tx
      .insert(transferNotices)
      .values({
        direction: 'placed-in', childId: input.childId, caseId: openCase.id, otherAuthority: input.responsibleAuthority, otherContactName: input.otherContactName,
        otherContactEmail: input.otherContactEmail, otherPlanCategory: input.categories.join(', '), noticeReceivedOn: today, movedOn: input.placedOn,
        status: 'completed', createdBy: actor.id, createdAt: context.now,
      })
      .returning({ id: transferNotices.id });
    await recordAudit(tx, context, {
      action: 'placement-recorded', recordType: 'plan', recordId: plan.id, childId: input.childId,
      details: { responsibleAuthority: input.responsibleAuthority, transferNoticeId: notice?.id ?? null },
    });
    return { planId: plan.id };
  });
}
