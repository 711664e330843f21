import { and, asc, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import {
  addresses, assessments, cases, childInNeedPlans, childProtectionPlans, conferenceChildren, conferences, householdMembers, people, referrals, relationships,
  section47Enquiries, strategyDiscussionChildren, strategyDiscussions,
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
import { loadUserNames } from '../accounts/load-user-names.js';
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
  // The case and its child in one query, then everything else the page shows in queries run
  // together, the audit of the read among them (it commits before the page is shown).
  const [found] = await db.select({ row: cases, child: people }).from(cases).innerJoin(people, eq(people.id, cases.childId)).where(eq(cases.id, caseId));
  if (!found) throw new NotFoundError('That case does not exist.');
  const { row, child } = found;
  const [staff, [address], household, relationshipRows, calendar, referralRows, assessmentRows, discussions, section47Rows, confs, plans, cinPlans] = await Promise.all([
    loadUserNames(db, [row.socialWorkerId, row.teamManagerId]),
    db.select().from(addresses).where(and(eq(addresses.personId, child.id), isNull(addresses.toDate))),
    row.householdId
      ? db
          .select({ person: people, fromDate: householdMembers.fromDate })
          .from(householdMembers)
          .innerJoin(people, eq(householdMembers.personId, people.id))
          .where(and(eq(householdMembers.householdId, row.householdId), isNull(householdMembers.toDate)))
          .orderBy(asc(people.kind), asc(people.dateOfBirth))
      : Promise.resolve([]),
    db.select({ r: relationships, person: people }).from(relationships).leftJoin(people, eq(people.id, relationships.personId)).where(eq(relationships.childId, child.id))
      .then((rows) => rows.map(({ r, person }) => ({ ...r, person: person ?? undefined }))),
    workingCalendar(db),
    db.select().from(referrals).where(eq(referrals.caseId, caseId)),
    db.select().from(assessments).where(eq(assessments.caseId, caseId)),
    db
      .select({ d: strategyDiscussions })
      .from(strategyDiscussionChildren)
      .innerJoin(strategyDiscussions, eq(strategyDiscussionChildren.strategyDiscussionId, strategyDiscussions.id))
      .where(eq(strategyDiscussionChildren.caseId, caseId)),
    db.select().from(section47Enquiries).where(eq(section47Enquiries.caseId, caseId)),
    db
      .select({ c: conferences, role: conferenceChildren.role, childType: conferenceChildren.childType })
      .from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .where(eq(conferenceChildren.childId, child.id)),
    db.select().from(childProtectionPlans).where(eq(childProtectionPlans.childId, child.id)).orderBy(asc(childProtectionPlans.startDate)),
    db.select().from(childInNeedPlans).where(eq(childInNeedPlans.caseId, caseId)).orderBy(asc(childInNeedPlans.startDate)),
    auditChildRead(db, context, child.id, { recordType: 'case', recordId: caseId }),
  ]);
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
  };
}
