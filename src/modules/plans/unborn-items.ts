import { and, eq, isNull, lte } from 'drizzle-orm';
import { anyOf } from '../shared/any-of.js';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { cases, coreGroupMeetings, people } from '../../db/schema/index.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { UNBORN_PROMPT_LABELS, unbornPlanPrompts } from '../../domain/plans/unborn.js';
import { datedItem, mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';
import { workerPlans } from './plan-queue-items.js';

const LIMIT = 50;
const nameOf = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`.trim();

/**
 * UB1 and UB2 on the social worker's list: unborn children on their cases whose expected date of
 * delivery has come, to record the birth; and plans they lead that began before the birth, until
 * the core group has met and the discharge-home plan is written. Each is due by the EDD.
 */
export async function unbornItems(db: Queryable, ctx: QueueContext, socialWorkerId: string): Promise<WorkItem[]> {
  const today = ctx.now.toPlainDate().toString();
  const due = await db
    .select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName, edd: people.expectedDeliveryDate })
    .from(cases)
    .innerJoin(people, eq(cases.childId, people.id))
    .where(and(eq(cases.socialWorkerId, socialWorkerId), isNull(cases.closedOn), isNull(people.dateOfBirth), lte(people.expectedDeliveryDate, today)))
    .limit(LIMIT);
  const items: WorkItem[] = due.map((c) => {
    const edd = Temporal.PlainDate.from(c.edd!);
    return datedItem(ctx, edd, `The expected date of delivery was ${formatDate(edd)}: record the name and date of birth, which go on every record and to the partner agencies (UB1).`, {
      title: `Record the birth: ${nameOf(c)}`, detail: 'Confirm the name and date of birth once the baby is born.', href: `/people/${c.id}/birth`, childIds: [c.id],
    });
  });

  // Only children with an expected date of delivery can have a plan made before their birth; the
  // worker's open plans come from the read the page's other sections share.
  const plans = (await workerPlans(db, ctx, socialWorkerId))
    .filter(({ child }) => child.expectedDeliveryDate !== null)
    .map(({ plan, child }) => ({ plan, givenNames: child.givenNames, familyName: child.familyName, dateOfBirth: child.dateOfBirth, edd: child.expectedDeliveryDate }));
  const candidates = plans.filter((p) => p.edd !== null && (p.dateOfBirth === null || p.plan.startDate < p.dateOfBirth));
  const meetings = candidates.length
    ? await db.select({ planId: coreGroupMeetings.planId, heldOn: coreGroupMeetings.heldOn }).from(coreGroupMeetings).where(anyOf(coreGroupMeetings.planId, candidates.map((p) => p.plan.id)))
    : [];
  for (const p of candidates) {
    const prompts = unbornPlanPrompts({
      childDateOfBirth: p.dateOfBirth, planStartDate: p.plan.startDate, dischargeHomePlan: p.plan.dischargeHomePlan,
      coreGroupDates: meetings.filter((m) => m.planId === p.plan.id).map((m) => m.heldOn),
    });
    const edd = Temporal.PlainDate.from(p.edd!);
    for (const prompt of prompts) {
      const item = {
        title: `${UNBORN_PROMPT_LABELS[prompt]}: ${nameOf(p)}`,
        detail: prompt === 'discharge-home-plan' ? 'The plan says how the baby leaves hospital and goes home (UB2).' : 'The core group meets before the birth where it can, and certainly before the baby goes home (UB2).',
        href: prompt === 'discharge-home-plan' ? `/plans/${p.plan.id}/discharge-home` : `/plans/${p.plan.id}`,
        childIds: [p.plan.childId],
      };
      items.push(p.dateOfBirth === null
        ? datedItem(ctx, edd, `Before the expected date of delivery, ${formatDate(edd)} (UB2).`, item)
        : undatedItem(item));
    }
  }
  return mostUrgentFirst(items).slice(0, LIMIT);
}
