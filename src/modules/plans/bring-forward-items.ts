import { and, eq, inArray, isNull } from 'drizzle-orm';
import { anyOf } from '../shared/any-of.js';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import {
  cases, childProtectionPlans, conferenceChildren, conferences, householdMembers, people, planVisits, reviewTriggers, section47Enquiries,
} from '../../db/schema/index.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { bringForwardPrompts, type BringForwardEvent } from '../../domain/plans/bring-forward.js';
import { visitBreaches } from '../../domain/plans/visits.js';
import { groupBy } from '../shared/group-by.js';
import { childName } from '../shared/load-records.js';
import { mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';
import { iroConsultationNeeded } from './consider-bring-forward.js';
import { workerPlans, workerVisits } from './plan-queue-items.js';

const REVIEW_KINDS = ['review', 'designated-review', 'reconvened'];
const MAKING_KINDS = ['initial', 'pre-birth', 'transfer-in', ...REVIEW_KINDS];

/**
 * RV2: for each open plan led by this social worker, or last chaired by this chair, the events
 * that are reasons to consider bringing the review forward and that nobody has answered yet.
 */
export async function bringForwardItems(db: Queryable, ctx: QueueContext, filter: { leadSocialWorkerId: string } | { chairId: string }): Promise<WorkItem[]> {
  // A worker's open plans come from the read the page's other sections share (workerPlans); a chair's
  // are read here, only the columns used below.
  const plans = 'leadSocialWorkerId' in filter ? await workerPlans(db, ctx, filter.leadSocialWorkerId) : await db.select({
    plan: { id: childProtectionPlans.id, childId: childProtectionPlans.childId, startDate: childProtectionPlans.startDate, visitFrequencyWeeks: childProtectionPlans.visitFrequencyWeeks },
    child: { givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth, expectedDeliveryDate: people.expectedDeliveryDate },
    householdId: cases.householdId,
  }).from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id)).innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .where(and(
      isNull(childProtectionPlans.endDate),
      // Only children of a conference this chair held: without it the 500 plans read were any
      // 500 of the authority's, and a chair's own children beyond them were never listed.
      // A superset: the loop below keeps those whose latest plan-making conference was theirs.
      inArray(childProtectionPlans.childId, db.select({ childId: conferenceChildren.childId }).from(conferenceChildren)
        .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
        .where(and(eq(conferences.chairId, filter.chairId), eq(conferences.status, 'held'), eq(conferenceChildren.role, 'subject')))),
    ))
    .limit(500);
  if (plans.length === 0) return [];
  const childIds = plans.map((p) => p.plan.childId);
  const planIds = plans.map((p) => p.plan.id);
  const householdIds = plans.flatMap((p) => (p.householdId ? [p.householdId] : []));
  const [held, s47s, unborn, triggers, visitsByPlan] = await Promise.all([
    db.select({ childId: conferenceChildren.childId, heldOn: conferences.heldOn, kind: conferences.kind, chairId: conferences.chairId }).from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .where(and(anyOf(conferenceChildren.childId, childIds), eq(conferenceChildren.role, 'subject'), eq(conferences.status, 'held'))),
    db.select({ childId: cases.childId, startedOn: section47Enquiries.startedOn }).from(section47Enquiries).innerJoin(cases, eq(section47Enquiries.caseId, cases.id))
      .where(anyOf(cases.childId, childIds)),
    householdIds.length
      ? db.select({ householdId: householdMembers.householdId, fromDate: householdMembers.fromDate, person: { id: people.id, expectedDeliveryDate: people.expectedDeliveryDate } }).from(householdMembers)
        .innerJoin(people, eq(householdMembers.personId, people.id))
        .where(and(anyOf(householdMembers.householdId, householdIds), isNull(people.dateOfBirth), eq(people.kind, 'child')))
      : Promise.resolve([]),
    db.select({ planId: reviewTriggers.planId, trigger: reviewTriggers.trigger, occurredOn: reviewTriggers.occurredOn }).from(reviewTriggers).where(anyOf(reviewTriggers.planId, planIds)),
    'leadSocialWorkerId' in filter
      ? workerVisits(db, ctx, filter.leadSocialWorkerId)
      : db.select({ planId: planVisits.planId, visitedOn: planVisits.visitedOn, childSeen: planVisits.childSeen }).from(planVisits).where(anyOf(planVisits.planId, planIds)).then((rows) => groupBy(rows, (v) => v.planId)),
  ]);
  const today = ctx.now.toPlainDate();
  // Each list grouped once: a worker with hundreds of plans filtered every list for every plan.
  const heldByChild = groupBy(held, (h) => h.childId);
  const s47sByChild = groupBy(s47s, (s) => s.childId);
  const unbornByHousehold = groupBy(unborn, (u) => u.householdId);
  const triggersByPlan = groupBy(triggers, (t) => t.planId);
  const items: WorkItem[] = [];
  for (const { plan, child, householdId } of plans) {
    const mine = (heldByChild.get(plan.childId) ?? []).filter((h) => h.heldOn !== null);
    if ('chairId' in filter) {
      const latest = mine.filter((h) => MAKING_KINDS.includes(h.kind) && h.heldOn! >= plan.startDate).sort((a, b) => (a.heldOn! < b.heldOn! ? -1 : 1)).at(-1);
      if (latest?.chairId !== filter.chairId) continue;
    }
    const events: BringForwardEvent[] = [
      ...(s47sByChild.get(plan.childId) ?? []).map((s) => ({ trigger: 'new-section-47' as const, on: s.startedOn, detail: `A section 47 enquiry began on ${formatDate(Temporal.PlainDate.from(s.startedOn))}` })),
      ...(householdId ? (unbornByHousehold.get(householdId) ?? []) : []).filter((u) => u.person.id !== plan.childId).map((u) => ({
        trigger: 'baby-due' as const, on: u.fromDate,
        detail: `An unborn baby${u.person.expectedDeliveryDate ? `, due ${formatDate(Temporal.PlainDate.from(u.person.expectedDeliveryDate))},` : ''} joined the household on ${formatDate(Temporal.PlainDate.from(u.fromDate))}`,
      })),
    ];
    const open = visitBreaches({ pack: ctx.pack, calendar: ctx.calendar, planStartedOn: plan.startDate, frequencyWeeks: plan.visitFrequencyWeeks, visits: visitsByPlan.get(plan.id) ?? [] }, today)
      .find((b) => b.seenOn === null);
    if (open) events.push({ trigger: 'plan-failing', on: open.dueBy, detail: `Not seen within the visit frequency: a visit was due by ${formatDate(Temporal.PlainDate.from(open.dueBy))}` });
    const prompts = bringForwardPrompts({
      planStart: plan.startDate, events,
      recorded: triggersByPlan.get(plan.id) ?? [],
      reviewsHeld: mine.filter((h) => REVIEW_KINDS.includes(h.kind) && h.heldOn! > plan.startDate).map((h) => h.heldOn!),
    });
    for (const p of prompts) {
      items.push(undatedItem({
        title: `Bring the review forward? ${childName(child)}`,
        detail: `${p.detail}. Decide whether the review should be held sooner (RV2).${iroConsultationNeeded(ctx.pack) ? ' Consult the child’s IRO first (004 2.2.9).' : ''}`,
        href: `/plans/${plan.id}/bring-forward?trigger=${p.trigger}&on=${p.on}`,
        childIds: [plan.childId],
      }, p.on));
    }
  }
  return mostUrgentFirst(items).slice(0, 50);
}
