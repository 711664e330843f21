import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import {
  addresses, assessments, cases, childInNeedPlans, childProtectionPlans, conferenceChildren, conferences, householdMembers, people, referrals, relationships,
  section47Enquiries, strategyDiscussionChildren, strategyDiscussions, users,
} from '../../db/schema/index.js';
import { describeCategories } from '../../domain/conference/categories.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import { STATUS_LABELS, type ConferenceStatus } from '../../domain/conference/transitions.js';
import { formatDate } from '../../domain/deadlines/index.js';
import { coreAssessmentDueOn, initialAssessmentDueOn, referralDecisionDueOn } from '../../domain/front-door/timings.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { euSettlementPrompt } from '../../domain/records/person-rules.js';
import { RULES } from '../../domain/rules/registry.js';
import { mayViewChildRecords } from '../../policies/children.js';
import { auditChildRead } from '../audit/child-access.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import { londonNow } from '../work-queues/queue-for-role.js';
import { deadlineItem, mostUrgentFirst, type QueueContext, type WorkItem } from '../work-queues/work-item.js';
import { listsInOneRead } from '../shared/lists-in-one-read.js';
import { emergenciesList, describeEmergencies } from '../transfers/emergency-responsibility.js';
import { describeWorkerChangeRequests, workerChangeRequestsList } from './worker-change.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';

export interface ChronologyEntry {
  date: string;
  what: string;
  detail: string | null;
  href: string | null;
}

const LIVE_CONFERENCE = ['awaiting-authorisation', 'requested', 'booked', 'invitations-sent'];

/** A deadline with the rule it comes from, by what the rule says: the page shows the code only as a small link. */
export type CaseDeadline = WorkItem & { rule: { id: string; title: string } | null };

function withRule(item: WorkItem, ruleId: string): CaseDeadline {
  const entry = RULES.find((r) => r.id === ruleId);
  return { ...item, rule: entry ? { id: entry.id, title: entry.title } : null };
}

/** Everything on a child's case page, read once and audited as one read of the child's record. */
export async function loadCaseView(db: Database, context: ActionContext, caseId: string, pack: PackId) {
  if (!mayViewChildRecords(context.actor)) throw new ForbiddenError();
  // The case, its child and its two members of staff's names in one statement; then every list the
  // page shows in one more (issue 16: each statement is a round trip, a plan and a parse), run
  // together with the audit of the read (it commits before the page is shown, and a refusal there
  // refuses the page). A list that was a join is read as its two tables' rows (the links, and the
  // rows they name) and joined here in the links' order, so it comes back as the join did.
  const socialWorker = alias(users, 'social_worker');
  const teamManager = alias(users, 'team_manager');
  const [found] = await db
    .select({ row: cases, child: people, socialWorkerName: socialWorker.displayName, teamManagerName: teamManager.displayName })
    .from(cases)
    .innerJoin(people, eq(people.id, cases.childId))
    .leftJoin(socialWorker, eq(socialWorker.id, cases.socialWorkerId))
    .leftJoin(teamManager, eq(teamManager.id, cases.teamManagerId))
    .where(eq(cases.id, caseId));
  if (!found) throw new NotFoundError('That case does not exist.');
  const { row, child } = found;
  const openMembership = row.householdId ? and(eq(householdMembers.householdId, row.householdId), isNull(householdMembers.toDate))! : sql`false`;
  const [lists, calendar] = await Promise.all([
    listsInOneRead(db, {
      addresses: { table: addresses, where: and(eq(addresses.personId, child.id), isNull(addresses.toDate))! },
      memberships: { table: householdMembers, where: openMembership },
      members: {
        table: people,
        where: inArray(people.id, db.select({ id: householdMembers.personId }).from(householdMembers).where(openMembership)),
        orderBy: sql`${asc(people.kind)}, ${asc(people.dateOfBirth)}`,
      },
      relationships: { table: relationships, where: eq(relationships.childId, child.id) },
      relatives: { table: people, where: inArray(people.id, db.select({ id: relationships.personId }).from(relationships).where(eq(relationships.childId, child.id))) },
      referrals: { table: referrals, where: eq(referrals.caseId, caseId) },
      assessments: { table: assessments, where: eq(assessments.caseId, caseId) },
      discussionLinks: { table: strategyDiscussionChildren, where: eq(strategyDiscussionChildren.caseId, caseId) },
      discussions: {
        table: strategyDiscussions,
        where: inArray(strategyDiscussions.id, db.select({ id: strategyDiscussionChildren.strategyDiscussionId }).from(strategyDiscussionChildren).where(eq(strategyDiscussionChildren.caseId, caseId))),
      },
      section47: { table: section47Enquiries, where: eq(section47Enquiries.caseId, caseId) },
      conferenceLinks: { table: conferenceChildren, where: eq(conferenceChildren.childId, child.id) },
      conferences: { table: conferences, where: inArray(conferences.id, db.select({ id: conferenceChildren.conferenceId }).from(conferenceChildren).where(eq(conferenceChildren.childId, child.id))) },
      plans: { table: childProtectionPlans, where: eq(childProtectionPlans.childId, child.id), orderBy: asc(childProtectionPlans.startDate) },
      cinPlans: { table: childInNeedPlans, where: eq(childInNeedPlans.caseId, caseId), orderBy: asc(childInNeedPlans.startDate) },
      workerChanges: workerChangeRequestsList(caseId),
      emergencies: emergenciesList(child.id),
    }),
    workingCalendar(db),
    auditChildRead(db, context, child.id, { recordType: 'case', recordId: caseId }),
  ]);
  const [address] = lists.addresses;
  const household = joined(lists.memberships, 'personId', lists.members).map(([m, person]) => ({ person, fromDate: m.fromDate }));
  // A relationship whose person is missing keeps its row (a left join), with no person.
  const relativesById = new Map(lists.relatives.map((p) => [p.id, p]));
  const relationshipRows = lists.relationships.map((r) => ({ ...r, person: relativesById.get(r.personId) }));
  const discussionsById = new Map(lists.discussions.map((d) => [d.id, d]));
  const discussions = lists.discussionLinks.flatMap((l) => (discussionsById.has(l.strategyDiscussionId) ? [{ d: discussionsById.get(l.strategyDiscussionId)! }] : []));
  const conferencesById = new Map(lists.conferences.map((c) => [c.id, c]));
  const confs = lists.conferenceLinks.flatMap((l) => (conferencesById.has(l.conferenceId) ? [{ c: conferencesById.get(l.conferenceId)!, role: l.role, childType: l.childType }] : []));
  const { referrals: referralRows, assessments: assessmentRows, section47: section47Rows, plans, cinPlans } = lists;
  const workerChanges = await describeWorkerChangeRequests(db, lists.workerChanges);
  const staff = new Map<string, string>();
  if (row.socialWorkerId && found.socialWorkerName !== null) staff.set(row.socialWorkerId, found.socialWorkerName);
  if (row.teamManagerId && found.teamManagerName !== null) staff.set(row.teamManagerId, found.teamManagerName);
  const nameOf = (id: string | null) => (id ? staff.get(id) ?? null : null);

  const ctx: QueueContext = { calendar, now: londonNow(context.now), pack };
  const today = ctx.now.toPlainDate();
  const chronology: ChronologyEntry[] = [];
  const deadlines: CaseDeadline[] = [];
  const dated = (due: Temporal.PlainDate, title: string, explanation: string, met: string | null): WorkItem => {
    const d = due.toString();
    const state = met ? (met <= d ? 'met' : 'met late') : d < today.toString() ? 'overdue' : d === today.toString() ? 'due today' : 'due later';
    return { title, href: '', childIds: [child.id], dueDate: d, state, explanation, sortKey: d };
  };

  for (const r of referralRows) {
    const received = londonIsoDate(r.receivedAt);
    chronology.push({ date: received, what: 'Referral received', detail: `${r.natureOfConcerns}${r.decision ? ` Decision: ${r.decision.replaceAll('-', ' ')}.` : ''}`, href: `/cases/${caseId}/front-door` });
    const due = referralDecisionDueOn(Temporal.PlainDate.from(received), calendar);
    if (!r.decision) deadlines.push(withRule(dated(due, 'Decide what happens after the referral', `Due ${formatDate(due)}: 1 working day after the referral on ${formatDate(received)}.`, null), 'FD1'));
  }
  for (const a of assessmentRows) {
    chronology.push({ date: a.startedOn, what: `${a.kind === 'core' ? 'Core' : 'Initial'} assessment started`, detail: a.completedOn ? `Completed ${formatDate(a.completedOn)}` : null, href: `/cases/${caseId}/front-door` });
    const [firstReferral] = referralRows;
    if (!a.completedOn && firstReferral) {
      const from = londonIsoDate(firstReferral.receivedAt);
      const due = initialAssessmentDueOn(Temporal.PlainDate.from(from), calendar);
      deadlines.push(withRule(dated(due, 'Complete the initial assessment', `Due ${formatDate(due)}: 10 working days after the referral on ${formatDate(from)}.`, null), 'FD2'));
    }
  }
  for (const { d } of discussions) {
    chronology.push({ date: londonIsoDate(d.heldAt), what: 'Strategy discussion', detail: d.initiateSection47 ? 'Section 47 enquiries to begin.' : 'No section 47 enquiries.', href: `/strategy-discussions/${d.id}` });
  }
  for (const s of section47Rows) {
    chronology.push({ date: s.startedOn, what: 'Section 47 enquiry started', detail: s.outcome ? `Outcome: ${s.outcome.replaceAll('-', ' ')}.` : 'Outcome not yet recorded.', href: `/section-47/${s.id}` });
    const due = coreAssessmentDueOn(Temporal.PlainDate.from(s.startedOn), calendar);
    if (!s.coreAssessmentCompletedOn) deadlines.push(withRule(dated(due, 'Complete the core assessment', `Due ${formatDate(due)}: 35 working days after the section 47 enquiry began on ${formatDate(s.startedOn)}.`, null), 'FD4'));
  }
  for (const { c, role, childType } of confs) {
    const label = CONFERENCE_KIND_LABELS[c.kind as ConferenceKind] ?? c.kind;
    chronology.push({
      date: c.heldOn ?? c.decisionToConveneOn ?? londonIsoDate(c.createdAt),
      what: c.heldOn ? `${label} held` : `${label} (${(STATUS_LABELS[c.status as ConferenceStatus] ?? c.status).toLowerCase()})`,
      detail: role === 'subject' ? `Subject child (${childType ?? 'initial'}).` : 'Considered as another child of the household.',
      href: `/conferences/${c.id}`,
    });
    if (LIVE_CONFERENCE.includes(c.status) && c.dueRuleId && c.dueFromDate) {
      // A sentence, not a label with "held" tacked on: "Hold the review child protection conference".
      deadlines.push(withRule(deadlineItem(ctx, { ruleId: c.dueRuleId, pack: c.pack as PackId, from: c.dueFromDate }, { title: `Hold the ${label.charAt(0).toLowerCase()}${label.slice(1)}`, href: `/conferences/${c.id}`, childIds: [child.id] }), c.dueRuleId));
    }
  }
  for (const p of plans) {
    const categories = describeCategories(p.initialCategories);
    chronology.push({ date: p.startDate, what: 'Child protection plan started', detail: `${p.initialCategories.length > 1 ? 'Categories' : 'Category'}: ${categories.charAt(0).toLowerCase()}${categories.slice(1)}.`, href: `/plans/${p.id}` });
    if (p.endDate) chronology.push({ date: p.endDate, what: 'Child protection plan ended', detail: p.endReason ? p.endReason.replaceAll('-', ' ') : null, href: `/plans/${p.id}` });
    else {
      const reviews = confs.filter((x) => ['review', 'designated-review'].includes(x.c.kind) && x.c.heldOn && x.c.heldOn >= p.startDate).map((x) => x.c.heldOn!).sort();
      const last = reviews[reviews.length - 1];
      // One deadline per event: once the review conference is arranged, its own deadline (above) is the one shown.
      const reviewArranged = confs.some((x) => ['review', 'designated-review'].includes(x.c.kind) && LIVE_CONFERENCE.includes(x.c.status) && x.role === 'subject');
      const reviewRule = last ? 'TS6' : 'TS5';
      if (!reviewArranged) deadlines.push(withRule(deadlineItem(ctx, last ? { ruleId: 'TS6', pack, from: last } : { ruleId: 'TS5', pack, from: p.startDate }, { title: 'Hold the review child protection conference', href: `/plans/${p.id}`, childIds: [child.id] }), reviewRule));
      if (child.dateOfBirth) deadlines.push(withRule(deadlineItem(ctx, { ruleId: 'TS25', pack, from: child.dateOfBirth }, { title: 'End the plan by the 18th birthday', href: `/plans/${p.id}`, childIds: [child.id] }), 'TS25'));
    }
  }
  const CIN_START: Record<string, string> = { recorded: 'Recorded by the social worker.', 'step-down': 'Stepped down by a conference.' };
  const CIN_END: Record<string, string> = { recorded: 'Recorded by the social worker.', 'step-up': 'A child protection plan started.', 'case-closed': 'The case closed.' };
  for (const c of cinPlans) {
    chronology.push({ date: c.startDate, what: 'Child in need plan started', detail: CIN_START[c.startedBy] ?? null, href: `/cases/${caseId}/cin-plan` });
    if (c.endDate) chronology.push({ date: c.endDate, what: 'Child in need plan ended', detail: CIN_END[c.endedBy ?? ''] ?? null, href: `/cases/${caseId}/cin-plan` });
  }
  chronology.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return {
    case: row, child, address: address ?? null, socialWorker: nameOf(row.socialWorkerId), teamManager: nameOf(row.teamManagerId),
    household: household.filter((h) => h.person.id !== child.id), relationships: relationshipRows,
    openPlanId: plans.find((p) => !p.endDate)?.id ?? null, cinPlans,
    chronology, deadlines: mostUrgentFirst(deadlines) as CaseDeadline[], euPrompt: euSettlementPrompt(child.euSettlementStatus),
    workerChanges, emergencies: describeEmergencies(lists.emergencies),
  };
}

/**
 * An inner join done here: for each target row in its own order, each link naming it in the links'
 * order (the household: its members by kind and date of birth, each with their membership).
 */
function joined<L, T extends { id: string }, K extends keyof L>(links: readonly L[], key: K, targets: readonly T[]): [L, T][] {
  const out: [L, T][] = [];
  for (const target of targets) for (const link of links) if (link[key] === target.id) out.push([link, target]);
  return out;
}
