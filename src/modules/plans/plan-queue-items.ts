import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { anyOf } from '../shared/any-of.js';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import {
  cases, childProtectionPlans, conferenceChildren, conferences, coreGroupMeetings, designatedReviewBriefings, designatedReviewLegalAdvice, people, planIdentityNeeds, planVisits, visitFrequencyChanges,
} from '../../db/schema/index.js';
import { nextCoreGroupDue } from '../../domain/plans/core-groups.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { designatedReviewFollowUps } from '../../domain/plans/designated-review-follow-ups.js';
import { identityNeedsGaps } from '../../domain/plans/identity-needs.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { reviewsHeldForPlans } from './load-plan.js';
import { coreGroupsDueFirst } from './core-groups-due-first.js';
import { maximumVisitFrequencyWeeks, nextVisitDue, openVisitBreach } from '../../domain/plans/visits.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { groupBy } from '../shared/group-by.js';
import { childName } from '../shared/load-records.js';
import type { Deadline } from '../../domain/deadlines/index.js';
import { computedDeadlineItem, datedItem, mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';

const LIMIT = 50;

/**
 * Open plans for a worker or a manager's team, every one: a list that showed the first 500 let a
 * missed visit on the 501st go unseen. A team of 5,000 plans is read in one statement.
 */
async function openPlans(db: Queryable, filter: { leadSocialWorkerId?: string; teamManagerId?: string; ids?: readonly string[]; childIds?: readonly string[] }) {
  if ((filter.ids && filter.ids.length === 0) || (filter.childIds && filter.childIds.length === 0)) return [];
  // Only the columns the lists use: a team's 5,000 plans are read on every load of its manager's page.
  return db
    .select({
      plan: {
        id: childProtectionPlans.id, childId: childProtectionPlans.childId, startDate: childProtectionPlans.startDate, endDate: childProtectionPlans.endDate,
        startConferenceId: childProtectionPlans.startConferenceId, visitFrequencyWeeks: childProtectionPlans.visitFrequencyWeeks,
        // UB2 reads the discharge-home plan of a plan made before the birth; other plans' text is not carried.
        dischargeHomePlan: sql<string | null>`case when ${people.expectedDeliveryDate} is not null then ${childProtectionPlans.dischargeHomePlan} end`,
      },
      child: { givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth, expectedDeliveryDate: people.expectedDeliveryDate },
      householdId: cases.householdId,
    })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .where(and(
      isNull(childProtectionPlans.endDate),
      filter.leadSocialWorkerId ? eq(childProtectionPlans.leadSocialWorkerId, filter.leadSocialWorkerId) : undefined,
      filter.teamManagerId ? eq(cases.teamManagerId, filter.teamManagerId) : undefined,
      filter.ids ? anyOf(childProtectionPlans.id, [...filter.ids]) : undefined,
      filter.childIds ? anyOf(childProtectionPlans.childId, [...filter.childIds]) : undefined,
    ));
}

/** TS24's due date per open plan, in SQL: the last visit at which the child was seen (or the start) plus the frequency. */
function unseenDueDates(db: Queryable, pack: PackId, teamManagerId?: string) {
  // The frequency that applies: the plan's own, never longer than the pack's maximum
  // (nottinghamshire's 4 weeks also applies where the plan sets none), as TS24 counts it.
  const packMaximum = maximumVisitFrequencyWeeks(pack);
  const weeks = packMaximum === null
    ? sql`${childProtectionPlans.visitFrequencyWeeks}`
    : sql`least(coalesce(${childProtectionPlans.visitFrequencyWeeks}, ${packMaximum}), ${packMaximum})`;
  // The last visit at which the child was seen, for open plans only: grouping every visit ever
  // recorded (ended plans' too) grew with the years. The planner reaches them from the open plans
  // through plan_visits_seen, or scans the visits, whichever the tables' sizes make cheaper (one
  // probe a plan cost more than the scan where visits are few).
  const openPlanIds = db.select({ id: childProtectionPlans.id }).from(childProtectionPlans).where(isNull(childProtectionPlans.endDate));
  const lastSeen = db
    .select({ planId: planVisits.planId, lastSeenOn: sql<string>`max(${planVisits.visitedOn})`.as('last_seen_on') })
    .from(planVisits)
    .where(and(eq(planVisits.childSeen, true), inArray(planVisits.planId, openPlanIds)))
    .groupBy(planVisits.planId)
    .as('last_seen');
  const due = sql<string>`coalesce(${lastSeen.lastSeenOn}, ${childProtectionPlans.startDate}) + (${weeks} * 7)`;
  return db
    .select({ id: childProtectionPlans.id, due: due.as('due') })
    .from(childProtectionPlans)
    .innerJoin(cases, eq(childProtectionPlans.caseId, cases.id))
    .leftJoin(lastSeen, eq(lastSeen.planId, childProtectionPlans.id))
    .where(and(
      isNull(childProtectionPlans.endDate),
      packMaximum === null ? isNotNull(childProtectionPlans.visitFrequencyWeeks) : undefined,
      teamManagerId ? eq(cases.teamManagerId, teamManagerId) : undefined,
    ));
}

/**
 * Open plans (with a visit frequency) whose child has gone unseen for longer than the frequency
 * less a week, counted in calendar days from the last visit at which the child was seen, or from
 * the start: a superset of those with a missed visit (TS24's due date never falls more than a few
 * days before the calendar weeks end), so the exact rule then runs on a few plans, not thousands.
 */
export async function plansPossiblyUnseen(db: Queryable, pack: PackId, today: string, teamManagerId?: string): Promise<string[]> {
  const dues = unseenDueDates(db, pack, teamManagerId).as('dues');
  const rows = await db.select({ id: dues.id }).from(dues).where(sql`${dues.due} - 7 < ${today}::date`);
  return rows.map((r) => r.id);
}

/**
 * Of plansPossiblyUnseen, those that can be among the `limit` most overdue: the `limit` due
 * earliest, and every other due within a fortnight of the last of them. SQL counts the due date
 * as TS24 does, so the fortnight is a margin for safety, not a need: whichever plans the exact rule
 * ranks first are always among these (proven against the rule on every plan in
 * visit-breaches-team.test.ts). A team with thousands of children unseen is cut to about `limit`
 * here, so the page no longer reads and works out every plan of the team on each load.
 */
export async function plansLongestUnseen(db: Queryable, pack: PackId, today: string, teamManagerId: string | undefined, limit: number): Promise<string[]> {
  const candidates = db.$with('candidates').as(
    db.select().from(unseenDueDates(db, pack, teamManagerId).as('dues')).where(sql`due - 7 < ${today}::date`),
  );
  const rows = await db
    .with(candidates)
    .select({ id: candidates.id })
    .from(candidates)
    .where(sql`${candidates.due} <= coalesce((select c.due from candidates c order by c.due offset ${limit - 1} limit 1) + 14, ${candidates.due})`);
  return rows.map((r) => r.id);
}

async function visitsByPlan(db: Queryable, planIds: string[]) {
  const rows = planIds.length
    ? await db.select({ planId: planVisits.planId, visitedOn: planVisits.visitedOn, childSeen: planVisits.childSeen }).from(planVisits).where(anyOf(planVisits.planId, planIds))
    : [];
  return groupBy(rows, (r) => r.planId);
}

/**
 * A social worker's open plans, and their visits, read once for the whole home page: the reviews,
 * visits, plan-gaps and bring-forward sections all go through every plan the worker leads. Kept for
 * one build of the queue (its context object) and no longer, so nothing is ever read stale.
 */
const workerReads = new WeakMap<QueueContext, Map<string, Promise<unknown>>>();
function sharedRead<T>(ctx: QueueContext, key: string, read: () => Promise<T>): Promise<T> {
  let reads = workerReads.get(ctx);
  if (!reads) workerReads.set(ctx, (reads = new Map()));
  let pending = reads.get(key) as Promise<T> | undefined;
  if (!pending) reads.set(key, (pending = read()));
  return pending;
}
export const workerPlans = (db: Queryable, ctx: QueueContext, socialWorkerId: string) =>
  sharedRead(ctx, `plans:${socialWorkerId}`, () => openPlans(db, { leadSocialWorkerId: socialWorkerId }));
export const workerVisits = (db: Queryable, ctx: QueueContext, socialWorkerId: string) =>
  sharedRead(ctx, `visits:${socialWorkerId}`, async () => visitsByPlan(db, (await workerPlans(db, ctx, socialWorkerId)).map((p) => p.plan.id)));
/** The reviews held since each of the worker's open plans began: the reviews and plan-gaps sections both need them. */
export const workerReviewsHeld = (db: Queryable, ctx: QueueContext, socialWorkerId: string) =>
  sharedRead(ctx, `reviews-held:${socialWorkerId}`, async () => reviewsHeldForPlans(db, (await workerPlans(db, ctx, socialWorkerId)).map((p) => p.plan)));

/** CG3: the team manager's "breaches" section: children not seen within their visit frequency (TS24). */
export async function visitBreachItems(db: Queryable, ctx: QueueContext, teamManagerId?: string): Promise<WorkItem[]> {
  const today = ctx.now.toPlainDate();
  const ids = await plansLongestUnseen(db, ctx.pack, today.toString(), teamManagerId, LIMIT);
  // SQL has cut the team to the plans that can be among the most overdue (hundreds where many share
  // a due date); the exact rule ranks them from the plan's own columns, and only the children of
  // those shown are read with their names.
  const plans = ids.length
    ? await db.select({ id: childProtectionPlans.id, childId: childProtectionPlans.childId, startDate: childProtectionPlans.startDate, visitFrequencyWeeks: childProtectionPlans.visitFrequencyWeeks })
      .from(childProtectionPlans).where(and(anyOf(childProtectionPlans.id, ids), isNull(childProtectionPlans.endDate)))
    : [];
  const visits = await visitsByPlan(db, plans.map((p) => p.id));
  const open = plans.flatMap((plan) => {
    const facts = { pack: ctx.pack, calendar: ctx.calendar, planStartedOn: plan.startDate, frequencyWeeks: plan.visitFrequencyWeeks, visits: visits.get(plan.id) ?? [] };
    const breach = openVisitBreach(facts, today);
    return breach ? [{ plan, facts, breach }] : [];
  });
  open.sort((a, b) => (a.breach.dueBy < b.breach.dueBy ? -1 : a.breach.dueBy > b.breach.dueBy ? 1 : 0));
  const shown = open.slice(0, LIMIT);
  const children = shown.length
    ? new Map((await db.select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth, expectedDeliveryDate: people.expectedDeliveryDate }).from(people).where(anyOf(people.id, shown.map((s) => s.plan.childId)))).map((c) => [c.id, c]))
    : new Map<string, { givenNames: string; familyName: string; dateOfBirth: string | null; expectedDeliveryDate: string | null }>();
  const items = shown.map(({ plan, facts, breach }) => {
    const dueBy = Temporal.PlainDate.from(breach.dueBy);
    return datedItem(ctx, dueBy, `Due ${formatDate(dueBy)}: the child seen within the visit frequency of the plan (TS24, CG3).`, {
      title: `Visit missed: ${childName(children.get(plan.childId)!)}`,
      detail: `Not seen since ${formatDate(Temporal.PlainDate.from(nextVisitDue(facts).lastSeenOn ?? plan.startDate))}; a visit was due by ${formatDate(dueBy)} (${breach.daysLate} days ago).`,
      href: `/plans/${plan.id}`,
      childIds: [plan.childId],
    });
  });
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
    childIds: [r.change.childId],
  }, r.change.requestedAt.toISOString()));
}

/** TS24: the social worker's "visits due" section, most urgent first. */
export async function visitsDueItems(db: Queryable, ctx: QueueContext, socialWorkerId: string): Promise<WorkItem[]> {
  const [plans, visits] = await Promise.all([workerPlans(db, ctx, socialWorkerId), workerVisits(db, ctx, socialWorkerId)]);
  const undated: WorkItem[] = [];
  const dated: { deadline: Deadline; due: string; item: { title: string; href: string; childIds: readonly string[] } }[] = [];
  for (const { plan, child } of plans) {
    const next = nextVisitDue({ pack: ctx.pack, calendar: ctx.calendar, planStartedOn: plan.startDate, frequencyWeeks: plan.visitFrequencyWeeks, visits: visits.get(plan.id) ?? [] });
    const item = { title: `Visit: ${childName(child)}`, href: `/plans/${plan.id}`, childIds: [plan.childId] };
    if (!next.deadline) undated.push(undatedItem({ ...item, detail: next.problem ?? undefined }));
    else dated.push({ deadline: next.deadline, due: dueText(next.deadline), item });
  }
  // Earliest due first is also most urgent first (the overdue are the earliest), so only the
  // visits that will be shown are built and explained: a worker with hundreds of children would
  // otherwise explain every one to show 50.
  dated.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const items = dated.slice(0, LIMIT).map(({ deadline, item }) => computedDeadlineItem(ctx, deadline, item));
  return mostUrgentFirst([...items, ...undated]).slice(0, LIMIT);
}

function dueText(deadline: Deadline): string {
  return deadline.due.kind === 'date' ? deadline.due.date.toString() : deadline.due.dateTime.toString();
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
  // A team manager's list: SQL first cuts the team's plans to those that can come first.
  const dueFirst = filter.teamManagerId ? await coreGroupsDueFirst(db, ctx.pack, filter.teamManagerId, LIMIT) : null;
  const plans = await openPlans(db, filter.teamManagerId ? { teamManagerId: filter.teamManagerId, ...(dueFirst ? { ids: dueFirst } : {}) } : {});
  if (plans.length === 0) return [];
  const planIds = plans.map((p) => p.plan.id);
  const meetings = await db
    .select({ planId: coreGroupMeetings.planId, heldOn: coreGroupMeetings.heldOn, nextIntervalWeeks: coreGroupMeetings.nextIntervalWeeks })
    .from(coreGroupMeetings)
    .where(anyOf(coreGroupMeetings.planId, planIds));
  const held = await db
    .select({ id: conferences.id, childId: conferenceChildren.childId, heldOn: conferences.heldOn, kind: conferences.kind, chairId: conferences.chairId })
    .from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(
      anyOf(conferenceChildren.childId, plans.map((p) => p.plan.childId)), eq(conferenceChildren.role, 'subject'), eq(conferences.status, 'held'),
    ));
  const heldByChild = groupBy(held, (c) => c.childId);
  const meetingsByPlan = groupBy(meetings, (m) => m.planId);
  const undated: WorkItem[] = [];
  const dated: { deadline: Deadline; due: string; item: { title: string; href: string; childIds: readonly string[] } }[] = [];
  for (const { plan, child } of plans) {
    const conferencesForPlan = (heldByChild.get(plan.childId) ?? []).filter((c) => c.heldOn !== null && (c.id === plan.startConferenceId || c.heldOn >= plan.startDate));
    const reviews = conferencesForPlan.filter((c) => c.id !== plan.startConferenceId && c.heldOn! > plan.startDate && ['review', 'designated-review', 'reconvened'].includes(c.kind));
    if (filter.chairId) {
      const latest = [...conferencesForPlan].sort((a, b) => (a.heldOn! < b.heldOn! ? -1 : 1)).at(-1);
      if (latest?.chairId !== filter.chairId) continue;
    }
    const next = nextCoreGroupDue({
      pack: ctx.pack, calendar: ctx.calendar, planStartedOn: plan.startDate, laterConferencesKeepingPlan: reviews.map((r) => r.heldOn!),
      coreGroups: meetingsByPlan.get(plan.id) ?? [],
    });
    const item = { title: `${next.first ? 'First core group' : 'Core group'}: ${childName(child)}`, href: `/plans/${plan.id}`, childIds: [plan.childId] };
    if (!next.deadline) {
      undated.push(undatedItem({ ...item, detail: next.problem ?? undefined }));
      continue;
    }
    dated.push({ deadline: next.deadline, due: dueText(next.deadline), item });
  }
  // Soonest first; only those needing action become work items, and once one is not yet due
  // soon none after it is: the rest are never built.
  dated.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const items: WorkItem[] = [];
  for (const { deadline, item } of dated) {
    if (items.length >= LIMIT) break;
    const built = computedDeadlineItem(ctx, deadline, item);
    if (!built.state || !NEEDS_ACTION.test(built.state)) break;
    items.push(built);
  }
  return mostUrgentFirst([...items, ...undated]).slice(0, LIMIT);
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
  // Designated reviews are few: find them first, then only the open plans of their children.
  const designated = await db
    .select({ id: conferences.id, childId: conferenceChildren.childId, heldOn: conferences.heldOn, chairId: conferences.chairId })
    .from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(eq(conferenceChildren.role, 'subject'), eq(conferences.status, 'held'), eq(conferences.kind, 'designated-review')));
  if (designated.length === 0) return [];
  const plans = await openPlans(db, { ...('teamManagerId' in filter ? { teamManagerId: filter.teamManagerId } : {}), childIds: [...new Set(designated.map((d) => d.childId))] });
  if (designated.length === 0) return [];
  const conferenceIds = designated.map((d) => d.id);
  const [advice, briefings] = await Promise.all([
    db.select({ conferenceId: designatedReviewLegalAdvice.conferenceId }).from(designatedReviewLegalAdvice).where(anyOf(designatedReviewLegalAdvice.conferenceId, conferenceIds)),
    db.select({ conferenceId: designatedReviewBriefings.conferenceId }).from(designatedReviewBriefings).where(anyOf(designatedReviewBriefings.conferenceId, conferenceIds)),
  ]);
  const legalAdviceFor = new Set(advice.map((a) => a.conferenceId));
  const briefingsFor = new Set(briefings.flatMap((b) => (b.conferenceId ? [b.conferenceId] : [])));
  const designatedByChild = groupBy(designated, (d) => d.childId);
  const items: WorkItem[] = [];
  for (const { plan, child } of plans) {
    const held = (designatedByChild.get(plan.childId) ?? []).filter((d) => d.heldOn !== null && d.heldOn > plan.startDate);
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
          childIds: [plan.childId],
        }, f.heldOn));
      }
      if ('chairId' in filter && f.briefingOutstanding && chairId === filter.chairId) {
        items.push(undatedItem({
          title: `Briefing note: ${childName(child)}`,
          detail: `You chaired the designated review on ${heldOn}, which kept the plan: write the briefing note for service managers (RV4, TS7).`,
          href: `/plans/${plan.id}/briefing`,
          childIds: [plan.childId],
        }, f.heldOn));
      }
      if ('serviceManagers' in filter) {
        const waiting = [f.briefingOutstanding ? 'the chair’s briefing note' : null, f.legalAdviceOutstanding ? 'legal advice' : null].filter(Boolean).join(' and ');
        items.push(undatedItem({
          title: `Still on a plan after a designated review: ${childName(child)}`,
          detail: `Designated review on ${heldOn}; waiting for ${waiting} (RV4).`,
          href: `/plans/${plan.id}`,
          childIds: [plan.childId],
        }, f.heldOn));
      }
    }
  }
  return mostUrgentFirst(items).slice(0, LIMIT);
}

/**
 * PL4: the lead social worker's open plans that do not yet say how the child's culture, language,
 * faith, birth-family contact and a family group conference are met, or that a review held since
 * has not been revisited; each stays listed until the plan answers.
 */
export async function identityGapItems(db: Queryable, ctx: QueueContext, leadSocialWorkerId: string): Promise<WorkItem[]> {
  const plans = await workerPlans(db, ctx, leadSocialWorkerId);
  const ids = plans.map((p) => p.plan.id);
  const [answerRows, held] = await Promise.all([
    ids.length ? db.select().from(planIdentityNeeds).where(anyOf(planIdentityNeeds.planId, ids)) : Promise.resolve([]),
    workerReviewsHeld(db, ctx, leadSocialWorkerId),
  ]);
  const answers = new Map(answerRows.map((a) => [a.planId, a]));
  const items: WorkItem[] = [];
  for (const { plan, child } of plans) {
    const a = answers.get(plan.id);
    const reviews = held.get(plan.id) ?? [];
    const gaps = identityNeedsGaps(a ? { ...a, updatedOn: londonDateOf(a.updatedAt).toString() } : null, { latestReviewHeldOn: reviews.at(-1)?.heldOn ?? null });
    if (gaps.complete) continue;
    const detail = gaps.missing.length
      ? `The plan does not yet say: ${gaps.missing.map((m) => m.label.toLowerCase()).join('; ')} (PL4).`
      : `Revisit the child’s identity and birth-family contact after the review on ${formatDate(gaps.revisitAfterReviewOn!)} (PL4).`;
    items.push(undatedItem({ title: `Plan to complete: ${childName(child)}`, detail, href: `/plans/${plan.id}/identity`, childIds: [plan.childId] }, plan.startDate));
  }
  return items.slice(0, LIMIT);
}

/**
 * PL4: before a review conference, what each child's open plan says about contact with the birth
 * family (and what it does not yet say), so the chair brings it to the discussion every time.
 */
export async function identityPromptsFor(db: Queryable, children: readonly { childId: string; name: string }[]) {
  if (!children.length) return [];
  const plans = await db.select({ plan: childProtectionPlans, n: planIdentityNeeds }).from(childProtectionPlans)
    .leftJoin(planIdentityNeeds, eq(planIdentityNeeds.planId, childProtectionPlans.id))
    .where(and(isNull(childProtectionPlans.endDate), anyOf(childProtectionPlans.childId, children.map((c) => c.childId))));
  return children.flatMap((c) => {
    const row = plans.find((p) => p.plan.childId === c.childId);
    if (!row) return [];
    const gaps = identityNeedsGaps(row.n ? { ...row.n, updatedOn: londonDateOf(row.n.updatedAt).toString() } : null, { latestReviewHeldOn: null });
    return [{ childId: c.childId, name: c.name, planId: row.plan.id, birthFamilyContact: row.n?.birthFamilyContact || null, missing: gaps.missing.map((m) => m.label) }];
  });
}
