import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import {
  cases, childProtectionPlans, conferenceChildren, conferences, coreGroupMeetings, designatedReviewBriefings, designatedReviewLegalAdvice, people, planVisits, visitFrequencyChanges,
} from '../../db/schema/index.js';
import { nextCoreGroupDue } from '../../domain/plans/core-groups.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { designatedReviewFollowUps } from '../../domain/plans/designated-review-follow-ups.js';
import { nextVisitDue, visitBreaches } from '../../domain/plans/visits.js';
import { childName } from '../front-door/load-records.js';
import { computedDeadlineItem, datedItem, deadlineItem, mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';

const LIMIT = 50;

async function openPlans(db: Queryable, filter: { leadSocialWorkerId?: string; teamManagerId?: string }) {
  return db
    .select({ plan: childProtectionPlans, child: people })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .where(and(
      isNull(childProtectionPlans.endDate),
      filter.leadSocialWorkerId ? eq(childProtectionPlans.leadSocialWorkerId, filter.leadSocialWorkerId) : undefined,
      filter.teamManagerId ? eq(cases.teamManagerId, filter.teamManagerId) : undefined,
    ))
    .limit(500);
}

async function visitsByPlan(db: Queryable, planIds: string[]) {
  const rows = planIds.length
    ? await db.select({ planId: planVisits.planId, visitedOn: planVisits.visitedOn, childSeen: planVisits.childSeen }).from(planVisits).where(inArray(planVisits.planId, planIds))
    : [];
  const map = new Map<string, { visitedOn: string; childSeen: boolean }[]>();
  for (const r of rows) map.set(r.planId, [...(map.get(r.planId) ?? []), r]);
  return map;
}

/** CG3: the team manager's "breaches" section: children not seen within their visit frequency (TS24). */
export async function visitBreachItems(db: Queryable, ctx: QueueContext, teamManagerId?: string): Promise<WorkItem[]> {
  const plans = await openPlans(db, teamManagerId ? { teamManagerId } : {});
  const visits = await visitsByPlan(db, plans.map((p) => p.plan.id));
  const today = ctx.now.toPlainDate();
  const items: WorkItem[] = [];
  for (const { plan, child } of plans) {
    const facts = { pack: ctx.pack, calendar: ctx.calendar, planStartedOn: plan.startDate, frequencyWeeks: plan.visitFrequencyWeeks, visits: visits.get(plan.id) ?? [] };
    const open = visitBreaches(facts, today).find((b) => b.seenOn === null);
    if (!open) continue;
    const dueBy = Temporal.PlainDate.from(open.dueBy);
    items.push(datedItem(ctx, dueBy, `Due ${formatDate(dueBy)}: the child seen within the visit frequency of the plan (TS24, CG3).`, {
      title: `Visit missed: ${childName(child)}`,
      detail: `Not seen since ${formatDate(Temporal.PlainDate.from(nextVisitDue(facts).lastSeenOn ?? plan.startDate))}; a visit was due by ${formatDate(dueBy)} (${open.daysLate} days ago).`,
      href: `/plans/${plan.id}`,
    }));
  }
  return mostUrgentFirst(items).slice(0, LIMIT);
}

/** CG3: visit frequency changes waiting for a team manager. */
export async function visitFrequencyApprovalItems(db: Queryable): Promise<WorkItem[]> {
  const rows = await db
    .select({ change: visitFrequencyChanges, child: people })
    .from(visitFrequencyChanges)
    .innerJoin(people, eq(visitFrequencyChanges.childId, people.id))
    .where(eq(visitFrequencyChanges.status, 'pending'))
    .orderBy(asc(visitFrequencyChanges.requestedAt))
    .limit(LIMIT);
  return rows.map((r) => undatedItem({
    title: `Visit frequency: ${childName(r.child)}`,
    detail: `Every ${r.change.proposedWeeks} weeks instead of ${r.change.fromWeeks ?? 'no set frequency'}: ${r.change.reasons}`,
    href: `/plans/${r.change.planId}/visit-frequency`,
  }, r.change.requestedAt.toISOString()));
}

/** TS24: the social worker's "visits due" section, most urgent first. */
export async function visitsDueItems(db: Queryable, ctx: QueueContext, socialWorkerId: string): Promise<WorkItem[]> {
  const plans = await openPlans(db, { leadSocialWorkerId: socialWorkerId });
  const visits = await visitsByPlan(db, plans.map((p) => p.plan.id));
  return mostUrgentFirst(plans.map(({ plan, child }) => {
    const next = nextVisitDue({ pack: ctx.pack, calendar: ctx.calendar, planStartedOn: plan.startDate, frequencyWeeks: plan.visitFrequencyWeeks, visits: visits.get(plan.id) ?? [] });
    const item = { title: `Visit: ${childName(child)}`, href: `/plans/${plan.id}` };
    return next.deadline
      ? deadlineItem(ctx, { ruleId: 'TS24', pack: ctx.pack, from: next.lastSeenOn ?? plan.startDate, ...(plan.visitFrequencyWeeks ? { intervalWeeks: plan.visitFrequencyWeeks } : {}) }, item)
      : undatedItem({ ...item, detail: next.problem ?? undefined });
  })).slice(0, LIMIT);
}

/** A core group item is shown once it needs action: due soon, due today or overdue. */
const NEEDS_ACTION = /^(due soon|due today|overdue)/;

/**
 * TS8, TS9: open plans whose next core group is overdue or due soon, or has no date because the
 * last meeting set no interval. For the team manager of the case (their Breaches section, CG3)
 * or, where the pack asks the chair to challenge core groups not held in time (newcastle,
 * `004` 2.1.7), the chair of the latest conference that made or kept the plan.
 */
export async function coreGroupItems(db: Queryable, ctx: QueueContext, filter: { teamManagerId?: string; chairId?: string }): Promise<WorkItem[]> {
  const plans = await openPlans(db, filter.teamManagerId ? { teamManagerId: filter.teamManagerId } : {});
  if (plans.length === 0) return [];
  const planIds = plans.map((p) => p.plan.id);
  const meetings = await db
    .select({ planId: coreGroupMeetings.planId, heldOn: coreGroupMeetings.heldOn, nextIntervalWeeks: coreGroupMeetings.nextIntervalWeeks })
    .from(coreGroupMeetings)
    .where(inArray(coreGroupMeetings.planId, planIds));
  const held = await db
    .select({ id: conferences.id, childId: conferenceChildren.childId, heldOn: conferences.heldOn, kind: conferences.kind, chairId: conferences.chairId })
    .from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(
      inArray(conferenceChildren.childId, plans.map((p) => p.plan.childId)), eq(conferenceChildren.role, 'subject'), eq(conferences.status, 'held'),
    ));
  const items: WorkItem[] = [];
  for (const { plan, child } of plans) {
    const conferencesForPlan = held.filter((c) => c.childId === plan.childId && c.heldOn !== null && (c.id === plan.startConferenceId || c.heldOn >= plan.startDate));
    const reviews = conferencesForPlan.filter((c) => c.id !== plan.startConferenceId && c.heldOn! > plan.startDate && ['review', 'designated-review', 'reconvened'].includes(c.kind));
    if (filter.chairId) {
      const latest = [...conferencesForPlan].sort((a, b) => (a.heldOn! < b.heldOn! ? -1 : 1)).at(-1);
      if (latest?.chairId !== filter.chairId) continue;
    }
    const next = nextCoreGroupDue({
      pack: ctx.pack, calendar: ctx.calendar, planStartedOn: plan.startDate, laterConferencesKeepingPlan: reviews.map((r) => r.heldOn!),
      coreGroups: meetings.filter((m) => m.planId === plan.id),
    });
    const item = { title: `${next.first ? 'First core group' : 'Core group'}: ${childName(child)}`, href: `/plans/${plan.id}` };
    if (!next.deadline) {
      items.push(undatedItem({ ...item, detail: next.problem ?? undefined }));
      continue;
    }
    const dated = computedDeadlineItem(ctx, next.deadline, item);
    if (dated.state && NEEDS_ACTION.test(dated.state)) items.push(dated);
  }
  return mostUrgentFirst(items).slice(0, LIMIT);
}

/**
 * RV4: designated reviews that kept a plan, with what still has to follow them. For a team
 * manager, the legal advice on the plans of the cases they oversee; for a chair, the briefing note
 * for the designated reviews they chaired; for service managers (no filter), both, so they see a
 * briefing that has not reached them yet.
 */
export async function designatedReviewItems(
  db: Queryable, filter: { teamManagerId: string } | { chairId: string } | { serviceManagers: true },
): Promise<WorkItem[]> {
  const plans = await openPlans(db, 'teamManagerId' in filter ? { teamManagerId: filter.teamManagerId } : {});
  if (plans.length === 0) return [];
  const designated = await db
    .select({ id: conferences.id, childId: conferenceChildren.childId, heldOn: conferences.heldOn, chairId: conferences.chairId })
    .from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(
      inArray(conferenceChildren.childId, plans.map((p) => p.plan.childId)), eq(conferenceChildren.role, 'subject'),
      eq(conferences.status, 'held'), eq(conferences.kind, 'designated-review'),
    ));
  if (designated.length === 0) return [];
  const conferenceIds = designated.map((d) => d.id);
  const [advice, briefings] = await Promise.all([
    db.select({ conferenceId: designatedReviewLegalAdvice.conferenceId }).from(designatedReviewLegalAdvice).where(inArray(designatedReviewLegalAdvice.conferenceId, conferenceIds)),
    db.select({ conferenceId: designatedReviewBriefings.conferenceId }).from(designatedReviewBriefings).where(inArray(designatedReviewBriefings.conferenceId, conferenceIds)),
  ]);
  const legalAdviceFor = new Set(advice.map((a) => a.conferenceId));
  const briefingsFor = new Set(briefings.flatMap((b) => (b.conferenceId ? [b.conferenceId] : [])));
  const items: WorkItem[] = [];
  for (const { plan, child } of plans) {
    const held = designated.filter((d) => d.childId === plan.childId && d.heldOn !== null && d.heldOn > plan.startDate);
    const outstanding = designatedReviewFollowUps({
      planOpen: plan.endDate === null,
      reviewsHeld: held.map((d) => ({ conferenceId: d.id, heldOn: d.heldOn!, kind: 'designated-review' })),
      legalAdviceFor, briefingsFor,
    });
    for (const f of outstanding) {
      const heldOn = formatDate(Temporal.PlainDate.from(f.heldOn));
      const chairId = held.find((d) => d.id === f.conferenceId)?.chairId ?? null;
      if ('teamManagerId' in filter && f.legalAdviceOutstanding) {
        items.push(undatedItem({
          title: `Legal advice: ${childName(child)}`,
          detail: `The designated review on ${heldOn} kept the plan: seek legal advice and record it (RV4).`,
          href: `/plans/${plan.id}/legal-advice`,
        }, f.heldOn));
      }
      if ('chairId' in filter && f.briefingOutstanding && chairId === filter.chairId) {
        items.push(undatedItem({
          title: `Briefing note: ${childName(child)}`,
          detail: `You chaired the designated review on ${heldOn}, which kept the plan: write the briefing note for service managers (RV4, TS7).`,
          href: `/plans/${plan.id}/briefing`,
        }, f.heldOn));
      }
      if ('serviceManagers' in filter) {
        const waiting = [f.briefingOutstanding ? 'the chair’s briefing note' : null, f.legalAdviceOutstanding ? 'legal advice' : null].filter(Boolean).join(' and ');
        items.push(undatedItem({
          title: `Still on a plan after a designated review: ${childName(child)}`,
          detail: `Designated review on ${heldOn}; waiting for ${waiting} (RV4).`,
          href: `/plans/${plan.id}`,
        }, f.heldOn));
      }
    }
  }
  return mostUrgentFirst(items).slice(0, LIMIT);
}
