import { asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { childProtectionPlans, people } from '../../db/schema/index.js';

const nameOf = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`.trim();

/** The children, and the open plans, a transfer in or out can be recorded for, as the form's options. */
export async function loadTransferChoices(db: Queryable) {
  const children = await db.select().from(people).where(eq(people.kind, 'child')).orderBy(asc(people.familyName), asc(people.givenNames));
  const plans = await db
    .select({ id: childProtectionPlans.id, givenNames: people.givenNames, familyName: people.familyName, startDate: childProtectionPlans.startDate })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .where(isNull(childProtectionPlans.endDate));
  return {
    children: children.map((c) => ({ value: c.id, text: `${nameOf(c)} (${c.dateOfBirth ?? 'due ' + (c.expectedDeliveryDate ?? '?')})` })),
    plans: plans.map((p) => ({ value: p.id, text: `${nameOf(p)}: plan since ${p.startDate}` })),
  };
}
