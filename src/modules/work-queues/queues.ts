import { Temporal } from 'temporal-polyfill';
import { and, asc, desc, eq, exists, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { anyOf } from '../shared/any-of.js';
import type { Queryable } from '../../db/client.js';
import {
  childProtectionPlans, complaints, conferenceChildren, conferences, dissents, invitations, outOfTimescaleAuthorisations, people, referrals,
  section47Enquiries, cases, transferNotices, conferenceRecords, meetingDistributions, meetings, reports, familyParticipation, riskNotifications,
} from '../../db/schema/index.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../domain/conference/kinds.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import type { Actor } from '../../policies/roles.js';
import { coreAssessmentDueOn, referralDecisionDueOn } from '../../domain/front-door/timings.js';
import { formatDate, formatDateTime } from '../../domain/deadlines/index.js';
import { reviewsOf } from '../plans/review-request.js';
import { designatedManagerEnquiryItems, enquirerItems, enquiryNoticeItems } from '../enquiry/enquiry-queue-items.js';
import { bringForwardItems } from '../plans/bring-forward-items.js';
import { DECISION_TO_CONVENE } from '../../domain/conference/due-date.js';
import { coreGroupItems, designatedReviewItems, identityGapItems, visitBreachItems, visitFrequencyApprovalItems, visitsDueItems, workerPlans, workerReviewsHeld } from '../plans/plan-queue-items.js';
import { planRules } from '../../domain/plans/plan-rules.js';
import { reportDeadlines } from '../../domain/reports/report-deadlines.js';
import { computedDeadlineItem, datedItem, deadlineItem, mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from './work-item.js';
import { londonDateOf, londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { centreListItems } from '../register/centre-lists.js';
import { riskNotificationsFor } from '../register/risk-notifications.js';
import { workerChangeQueueRows } from '../records/worker-change.js';
import { childVoiceItemsFor } from '../participation/requests-and-advocacy.js';
import { legalActionItems, reportsToCheckItems } from '../reports/manager-check-items.js';
import { overruleReviewItems } from '../meeting/overrule-review.js';
import { unbornItems } from '../plans/unborn-items.js';
import { section47SharingItems } from './section-47-sharing-items.js';
import { otherAuthorityItems } from './other-authority-items.js';
import { retentionItems, subjectAccessItems } from '../records/records-queue-items.js';
import { exclusionLetterItems } from '../participation/exclusion-queue-items.js';
import { interpreterToArrangeItems } from '../invitations/interpreter-queue-items.js';
import { recordingRequestItems } from '../recordings/recording-queue-items.js';
import { recentBreakGlassUses, type BreakGlassUse } from '../access/break-glass.js';
import { listedName } from '../shared/load-records.js';

const kindLabel = (k: string) => CONFERENCE_KIND_LABELS[k as ConferenceKind] ?? k;
const LIMIT = 50;

/** The subject children's names of each conference, and their ids (`ids`: the children an item shows, audited as disclosures). */
class ChildNames extends Map<string, string> {
  readonly ids = new Map<string, string[]>();
}

async function childNamesByConference(db: Queryable, conferenceIds: string[]): Promise<ChildNames> {
  const found = new ChildNames();
  if (!conferenceIds.length) return found;
  const rows = await db
    .select({ conferenceId: conferenceChildren.conferenceId, childId: conferenceChildren.childId, givenNames: people.givenNames, familyName: people.familyName })
    .from(conferenceChildren)
    .innerJoin(people, eq(conferenceChildren.childId, people.id))
    .where(and(anyOf(conferenceChildren.conferenceId, conferenceIds), eq(conferenceChildren.role, 'subject')));
  const map = new Map<string, string[]>();
  for (const r of rows) {
    map.set(r.conferenceId, [...(map.get(r.conferenceId) ?? []), listedName(r)]);
    found.ids.set(r.conferenceId, [...(found.ids.get(r.conferenceId) ?? []), r.childId]);
  }
  for (const [k, v] of map) found.set(k, v.join(', '));
  return found;
}

/** Conferences in one status, as queue items due by their stored statutory date. */
async function conferencesIn(db: Queryable, ctx: QueueContext, status: string, href: (id: string) => string): Promise<WorkItem[]> {
  const rows = await db.select().from(conferences).where(eq(conferences.status, status)).orderBy(asc(conferences.dueDate)).limit(LIMIT);
  const names = await childNamesByConference(db, rows.map((r) => r.id));
  return mostUrgentFirst(
    rows.map((c) => {
      const item = { title: `${kindLabel(c.kind)}: ${names.get(c.id) ?? ''}`, href: href(c.id), childIds: names.ids.get(c.id) ?? [] };
      if (!c.dueRuleId || !c.dueFromDate) return undatedItem(item);
      let statutory = deadlineItem(ctx, { ruleId: c.dueRuleId, pack: c.pack as PackId, from: c.dueFromDate }, item);
      // Counted from another fact than the rule's usual one (a pre-birth conference from the decision to convene, TS3): say so.
      if (c.dueFromFact === DECISION_TO_CONVENE && c.dueRuleId === 'TS1' && statutory.dueDate) {
        statutory = datedItem(ctx, Temporal.PlainDate.from(statutory.dueDate), `Due ${formatDate(statutory.dueDate)}: counted from the ${c.dueFromFact} on ${formatDate(c.dueFromDate)} (${c.dueRuleId}).`, item);
      }
      // A date set earlier than the statutory one (CF1's early review, or before an 18th birthday) is the one to book by.
      if (c.dueDate && statutory.dueDate && c.dueDate < statutory.dueDate) {
        return datedItem(ctx, Temporal.PlainDate.from(c.dueDate), `Due ${formatDate(c.dueDate)}: set earlier than the statutory date of ${formatDate(statutory.dueDate)} by the conference or the plan. ${statutory.explanation ?? ''}`.trim(), item);
      }
      return statutory;
    }),
  );
}

export async function businessSupportQueue(db: Queryable, ctx: QueueContext) {
  // The sections read on their own, so they run together (each on its own pooled connection on
  // PostgreSQL): the page waits for the slowest, not the sum of a dozen reads one after another.
  const [toBook, invitationsToSend, records, exclusionLetters, interpreters] = await Promise.all([
    conferencesIn(db, ctx, 'requested', (id) => `/conferences/${id}`),
    invitationsToSendItems(db),
    recordsToDistributeItems(db, ctx),
    // EX3: letters to excluded family members, until sent.
    exclusionLetterItems(db, {}),
    // Issue 14: family members whose language has no translation yet, until their interpreter is recorded.
    interpreterToArrangeItems(db, ctx, LIMIT),
  ]);
  return {
    'to-book': toBook,
    invitations: invitationsToSend,
    'records-to-distribute': records,
    'exclusion-letters': exclusionLetters,
    interpreters,
  };
}

/** Booked conferences whose invitations have not gone yet: soonest first. */
async function invitationsToSendItems(db: Queryable): Promise<WorkItem[]> {
  const booked = await db.select().from(conferences).where(eq(conferences.status, 'booked')).orderBy(asc(conferences.scheduledStart)).limit(LIMIT);
  const bookedNames = await childNamesByConference(db, booked.map((c) => c.id));
  return booked.map((c) =>
    undatedItem({ title: `${kindLabel(c.kind)}: ${bookedNames.get(c.id) ?? ''}`, childIds: bookedNames.ids.get(c.id) ?? [], detail: c.scheduledStart ? `Starts ${startsAt(c.scheduledStart)}` : undefined, href: `/conferences/${c.id}/invitations` }, c.scheduledStart?.toISOString() ?? '9999'),
  );
}

/**
 * Held conferences whose decisions sheet, or approved record, has not been sent to anyone. Only
 * those business support can send now: the meeting was recorded and the chair has ended it, and
 * someone is invited to send it to (TS10, RC3). A conference marked held with no meeting recorded
 * is not theirs to act on.
 */
async function recordsToDistributeItems(db: Queryable, ctx: QueueContext): Promise<WorkItem[]> {
  const held = await db
    .select({ c: conferences, approved: conferenceRecords.approvedVersion })
    .from(conferences)
    .innerJoin(meetings, and(eq(meetings.conferenceId, conferences.id), ne(meetings.status, 'in-progress')))
    .leftJoin(conferenceRecords, eq(conferenceRecords.conferenceId, conferences.id))
    .where(and(
      eq(conferences.status, 'held'),
      exists(db.select({ one: sql`1` }).from(invitations).where(and(eq(invitations.conferenceId, conferences.id), inArray(invitations.state, ['confirmed', 'sent'])))),
    ))
    .orderBy(desc(conferences.heldOn))
    .limit(200);
  const heldIds = held.map((h) => h.c.id);
  const [sent, heldNames] = await Promise.all([
    heldIds.length
      ? db.selectDistinct({ conferenceId: meetingDistributions.conferenceId, document: meetingDistributions.document }).from(meetingDistributions).where(anyOf(meetingDistributions.conferenceId, heldIds))
      : Promise.resolve([]),
    childNamesByConference(db, heldIds),
  ]);
  const wasSent = new Set(sent.map((d) => `${d.conferenceId}:${d.document}`));
  const records: WorkItem[] = [];
  for (const { c, approved } of held) {
    const title = `${kindLabel(c.kind)}: ${heldNames.get(c.id) ?? ''}`;
    // Each carries its deadline from the day the conference was held: TS10 for the decisions, TS11 for the record.
    const dated = (ruleId: 'TS10' | 'TS11', shown: { title: string; detail: string | undefined; href: string }) => {
      const item = { ...shown, childIds: heldNames.ids.get(c.id) ?? [] };
      return c.heldOn ? deadlineItem(ctx, { ruleId, pack: c.pack as PackId, from: c.heldOn }, item) : undatedItem(item);
    };
    if (!wasSent.has(`${c.id}:decisions`)) records.push(dated('TS10', { title: `Decisions sheet to send: ${title}`, detail: c.heldOn ? `Held ${formatDate(c.heldOn)}` : undefined, href: `/conferences/${c.id}/decisions` }));
    else if (approved && !wasSent.has(`${c.id}:record`)) records.push(dated('TS11', { title: `Approved record to send: ${title}`, detail: c.heldOn ? `Held ${formatDate(c.heldOn)}` : undefined, href: `/conferences/${c.id}/record` }));
  }
  return mostUrgentFirst(records).slice(0, LIMIT);
}

/** A conference start as staff read it: London wall-clock time. */
function startsAt(start: Date): string {
  return formatDateTime(londonDateTimeOf(start));
}

export async function teamManagerQueue(db: Queryable, ctx: QueueContext, actor: Actor) {
  // Sections read together, as on the social worker's page.
  const [toAuthorise, frequencies, missedVisits, coreGroups, reportsToCheck, legalAdvice, breakGlass, workerChanges] = await Promise.all([
    conferencesIn(db, ctx, 'awaiting-authorisation', (id) => `/conferences/${id}/authorise`),
    visitFrequencyApprovalItems(db),
    visitBreachItems(db, ctx, actor.id),
    coreGroupItems(db, ctx, { teamManagerId: actor.id }),
    reportsToCheckItems(db, ctx, actor),
    designatedReviewItems(db, { teamManagerId: actor.id }),
    recentBreakGlassUses(db, { teamManagerId: actor.id }, new Date(ctx.now.toZonedDateTime('Europe/London').epochMilliseconds)),
    workerChangeQueueRows(db, { teamManagerId: actor.id }),
  ]);
  return {
    authorisations: [...toAuthorise, ...frequencies],
    // Missed visits and core groups overdue or due soon on the plans of the cases this manager oversees (CG3, TS8, TS9).
    breaches: mostUrgentFirst([...missedVisits, ...coreGroups]),
    // `003`: social work reports to check before they are shared.
    'reports-to-check': reportsToCheck,
    // RV4: legal advice after a designated review kept a plan in this manager's team.
    'legal-advice': legalAdvice,
    // Issue 19: the children of this manager's cases opened through the break-glass page, with the reason given.
    'break-glass': breakGlassItems(breakGlass, true),
    // CO4: a family's request for a change of social worker stays here until it is answered.
    'worker-changes': workerChanges.map(({ r, ...child }) =>
      undatedItem({ title: `Change of social worker asked for: ${listedName(child)}`, detail: `${r.requestedBy} asked on ${formatDate(r.requestedOn)}`, href: `/cases/${r.caseId}/worker-change/${r.id}`, childIds: [r.childId] }, r.requestedOn),
    ),
  };
}

export async function serviceManagerQueue(db: Queryable, ctx: QueueContext) {
  const pending = await db
    .select({ a: outOfTimescaleAuthorisations, kind: conferences.kind })
    .from(outOfTimescaleAuthorisations)
    .innerJoin(conferences, eq(outOfTimescaleAuthorisations.conferenceId, conferences.id))
    .where(isNull(outOfTimescaleAuthorisations.decision))
    .orderBy(asc(outOfTimescaleAuthorisations.requestedAt))
    .limit(LIMIT);
  const names = await childNamesByConference(db, pending.map((p) => p.a.conferenceId));
  // TS25: plans of children reaching 18 in the next 90 days end without a conference.
  const soon = await db
    .select({ planId: childProtectionPlans.id, childId: childProtectionPlans.childId, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth })
    .from(childProtectionPlans)
    .innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .where(and(isNull(childProtectionPlans.endDate), sql`${people.dateOfBirth} + interval '18 years' <= ${ctx.now.toPlainDate().add({ days: 90 }).toString()}::date`))
    .limit(LIMIT);
  const open = await db.select().from(dissents).where(eq(dissents.stage, 'with-service-manager')).orderBy(asc(dissents.raisedOn)).limit(LIMIT);
  return {
    'out-of-timescale': pending.map((p) =>
      undatedItem({
        title: `${kindLabel(p.kind)}: ${names.get(p.a.conferenceId) ?? ''}`,
        childIds: names.ids.get(p.a.conferenceId) ?? [],
        // TS30: where two sign, say who has and that a second, different person is needed.
        detail: `Proposed ${formatDate(p.a.proposedDate)}: ${p.a.reasons}${p.a.signatures.length ? ` Signed by ${p.a.signatures.map((s) => s.name).join(' and ')}; a second, different signatory is needed.` : ''}`,
        href: `/conferences/${p.a.conferenceId}`,
      }, p.a.proposedDate),
    ),
    'plans-to-end': mostUrgentFirst(
      soon.filter((s) => s.dateOfBirth).map((s) => deadlineItem(ctx, { ruleId: 'TS25', pack: ctx.pack, from: s.dateOfBirth! }, { title: `${listedName(s)}: 18th birthday`, href: `/plans/${s.planId}`, childIds: [s.childId] })),
    ),
    escalations: open.map((d) => undatedItem({ title: `Dissent from ${d.professionalName} (${d.agency})`, href: `/dissents/${d.id}`, childIds: [] }, d.raisedOn)),
    // RV4: plans kept by a designated review whose briefing or legal advice has not followed yet.
    'designated-reviews': await designatedReviewItems(db, { serviceManagers: true }),
    // `003`: recommendations of legal action in social work reports, agreed before the conference.
    'legal-action': await legalActionItems(db, ctx),
    // TS21: overrules the senior managers have not yet reviewed, due by the four-week date.
    overrules: await overruleReviewItems(db, ctx),
  };
}

export async function chairQueue(db: Queryable, ctx: QueueContext, actor: Actor) {
  const mine = await db
    .select()
    .from(conferences)
    .where(and(eq(conferences.chairId, actor.id), inArray(conferences.status, ['booked', 'invitations-sent'])))
    .orderBy(asc(conferences.scheduledStart))
    .limit(LIMIT);
  const names = await childNamesByConference(db, mine.map((c) => c.id));
  const atChair = await db.select().from(complaints).where(eq(complaints.stage, 'chair')).orderBy(asc(complaints.receivedOn)).limit(LIMIT);
  // Records of my conferences the minute taker has drafted and I have not approved (RC1).
  const drafts = await db
    .select({ c: conferences, current: conferenceRecords.currentVersion })
    .from(conferenceRecords)
    .innerJoin(conferences, eq(conferenceRecords.conferenceId, conferences.id))
    .where(and(eq(conferences.chairId, actor.id), sql`${conferenceRecords.currentVersion} > 0`, sql`${conferenceRecords.approvedVersion} is distinct from ${conferenceRecords.currentVersion}`))
    .limit(LIMIT);
  const draftNames = await childNamesByConference(db, drafts.map((d) => d.c.id));
  return {
    'records-to-approve': drafts.map(({ c, current }) =>
      undatedItem({ title: `${kindLabel(c.kind)}: ${draftNames.get(c.id) ?? ''}`, childIds: draftNames.ids.get(c.id) ?? [], detail: `Version ${current} waiting for your approval${c.heldOn ? `; held ${formatDate(c.heldOn)}` : ''}`, href: `/conferences/${c.id}/record` }, c.heldOn ?? '9999'),
    ),
    conferences: mine.map((c) =>
      undatedItem({ title: `${kindLabel(c.kind)}: ${names.get(c.id) ?? ''}`, childIds: names.ids.get(c.id) ?? [], detail: c.scheduledStart ? `Starts ${startsAt(c.scheduledStart)}` : undefined, href: `/conferences/${c.id}` }, c.scheduledStart?.toISOString() ?? '9999'),
    ),
    dissent: atChair.map((c) => undatedItem({ title: `Complaint from ${c.complainantName}`, href: `/complaints/${c.id}`, childIds: [] }, c.receivedOn)),
    // Newcastle asks the chair to see that core groups are dated and to challenge those not held in time (004 2.1.7).
    'core-groups': planRules(ctx.pack).chairAlertedToLateCoreGroups ? await coreGroupItems(db, ctx, { chairId: actor.id }) : [],
    // RV4, TS7: briefing notes owed for designated reviews this chair held.
    'briefing-notes': await designatedReviewItems(db, { chairId: actor.id }),
    // RV2: reasons in the records to bring forward the review of a plan this chair last chaired.
    'bring-forward': await bringForwardItems(db, ctx, { chairId: actor.id }),
    // EX3: letters to family members excluded from this chair's conferences, until sent.
    'exclusion-letters': await exclusionLetterItems(db, { chairId: actor.id }),
    // RC5: requests for the recording of a conference this chair chaired, until answered.
    'recording-requests': await recordingRequestItems(db, actor.id),
  };
}

export async function socialWorkerQueue(db: Queryable, ctx: QueueContext, actor: Actor) {
  const myCases = db.select({ id: cases.id }).from(cases).where(eq(cases.socialWorkerId, actor.id));
  // Each section reads on its own, so they run together: the page waits for the slowest read
  // rather than the sum of ~30 (each takes its own pooled connection on PostgreSQL).
  const [openS47, undecided, reviews, enquiryItems, visitsDue, planGaps, sharing, childVoice, bringForward, unborn, reportsToShare, risks] = await Promise.all([
    db
      .select({ s: section47Enquiries, givenNames: people.givenNames, familyName: people.familyName, caseId: cases.id, childId: cases.childId })
      .from(section47Enquiries)
      .innerJoin(cases, eq(section47Enquiries.caseId, cases.id))
      .innerJoin(people, eq(cases.childId, people.id))
      .where(and(inArray(section47Enquiries.caseId, myCases), isNull(section47Enquiries.coreAssessmentCompletedOn)))
      .limit(LIMIT),
    db
      .select({ r: referrals, givenNames: people.givenNames, familyName: people.familyName, caseId: cases.id, childId: cases.childId })
      .from(referrals)
      .innerJoin(cases, eq(referrals.caseId, cases.id))
      .innerJoin(people, eq(cases.childId, people.id))
      .where(and(inArray(referrals.caseId, myCases), isNull(referrals.decision)))
      .limit(LIMIT),
    reviewItems(db, ctx, actor),
    // RG4: an enquiry about a child this worker leads, or about a child at the same address.
    enquiryNoticeItems(db, ctx, actor),
    visitsDueItems(db, ctx, actor.id),
    // PL4: plans this worker leads with identity or birth-family answers missing or to revisit.
    identityGapItems(db, ctx, actor.id),
    // FD6: the section 47 outcome to share with the parents, and the child if old enough, before any initial conference.
    section47SharingItems(db, ctx, actor),
    // IN10: a child's request not followed until the reasons are shared with them; a parent's advocate until considered and followed up.
    childVoiceItems(db, actor),
    // RV2: reasons in the records to bring forward the review of a plan this worker leads.
    bringForwardItems(db, ctx, { leadSocialWorkerId: actor.id }),
    // UB1, UB2: births to record once the EDD comes; pre-birth plans without a core group or a discharge-home plan.
    unbornItems(db, ctx, actor.id),
    reportsToShareItems(db, ctx, actor),
    riskNotificationsFor(db, actor.id, new Date(ctx.now.toPlainDate().subtract({ days: 28 }).toString() + 'T00:00:00Z')),
  ]);
  return {
    enquiries: enquiryItems,
    'visits-due': visitsDue,
    'plan-gaps': planGaps,
    'section-47-sharing': sharing,
    'child-voice': childVoice,
    'bring-forward': bringForward,
    unborn,
    'reports-to-share': reportsToShare,
    'reports-due': mostUrgentFirst([
      ...undecided.map((u) => {
        const received = londonDateOf(u.r.receivedAt);
        const due = referralDecisionDueOn(received, ctx.calendar);
        return datedItem(ctx, due, `Due ${formatDate(due)}: a decision on next steps within 1 working day of the referral received on ${formatDate(received)} (FD1).`, {
          title: `Referral decision: ${listedName(u)}`, href: `/cases/${u.caseId}`, childIds: [u.childId],
        });
      }),
      ...openS47.map((o) => {
        const started = Temporal.PlainDate.from(o.s.startedOn);
        const due = coreAssessmentDueOn(started, ctx.calendar);
        return datedItem(ctx, due, `Due ${formatDate(due)}: the core assessment within 35 working days of the section 47 enquiry starting on ${formatDate(started)} (FD4).`, {
          title: `Core assessment: ${listedName(o)}`, href: `/cases/${o.caseId}`, childIds: [o.childId],
        });
      }),
    ]),
    'risk-notifications': risks.map((r) =>
      undatedItem({ title: `Risk notification: ${listedName(r)}`, detail: `${r.personName}, notified by ${r.source}`, href: `/plans/${r.planId}`, childIds: [r.childId] }, r.sentAt?.toISOString() ?? '9999'),
    ),
    'core-groups': mostUrgentFirst(reviews),
  };
}

/**
 * Every open plan this worker leads, each with its next review: the early one an inquorate
 * conference set (CF1), or else the statutory TS5/TS6 date. All of them: the 50 newest plans (as
 * this list once read) leave out the oldest, whose reviews fall due first. Only the 50 due
 * soonest are built.
 */
async function reviewItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  // Every open plan the worker leads, read once for the page's sections (workerPlans).
  const plans = (await workerPlans(db, ctx, actor.id)).map(({ plan, child }) => ({ plan, givenNames: child.givenNames, familyName: child.familyName, dateOfBirth: child.dateOfBirth }));
  const nextReviews = await reviewsOf(db, ctx.pack, ctx.calendar, plans.map((p) => ({ plan: p.plan, dateOfBirth: p.dateOfBirth })), await workerReviewsHeld(db, ctx, actor.id));
  return plans
    .map((p) => {
      const { review } = nextReviews.get(p.plan.id)!;
      const deadline = review.early ?? review.statutory;
      return { p, deadline, due: deadline.due.kind === 'date' ? deadline.due.date.toString() : deadline.due.dateTime.toString() };
    })
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .slice(0, LIMIT)
    .map(({ p, deadline }) => computedDeadlineItem(ctx, deadline, { title: `Review conference: ${listedName(p)}`, href: `/plans/${p.plan.id}`, childIds: [p.plan.childId] }));
}

/**
 * TS13, TS16: each social work report the family must have before a booked conference for a child
 * this social worker holds, until it is shared; due by TS13, or TS16 where a parent has a learning
 * disability or needs the report translated and that is earlier (RP5).
 */
async function reportsToShareItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  const rows = await db
    .select({ c: conferences, childId: conferenceChildren.childId, givenNames: people.givenNames, familyName: people.familyName })
    .from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .innerJoin(people, eq(conferenceChildren.childId, people.id))
    .innerJoin(cases, eq(cases.childId, conferenceChildren.childId))
    .where(and(eq(cases.socialWorkerId, actor.id), eq(conferenceChildren.role, 'subject'), inArray(conferences.status, ['booked', 'invitations-sent'])))
    .limit(LIMIT);
  if (rows.length === 0) return [];
  const conferenceIds = [...new Set(rows.map((r) => r.c.id))];
  // Both read together: each report with whether it has been shared, and the conferences whose family needs more time.
  const [written, familiesNeedingTime] = await Promise.all([
    db
      .select({
        id: reports.id, conferenceId: reports.conferenceId, childId: reports.childId, status: reports.status,
        // Written out whole: in a one-table select drizzle leaves column names unqualified, and inside
        // the subquery an unqualified id would be the share's own.
        shared: sql<boolean>`exists (select 1 from report_shares s where s.report_id = reports.id)`,
      })
      .from(reports)
      .where(and(anyOf(reports.conferenceId, conferenceIds), eq(reports.kind, 'social-work'))),
    db
      .selectDistinct({ conferenceId: familyParticipation.conferenceId })
      .from(familyParticipation)
      .where(and(anyOf(familyParticipation.conferenceId, conferenceIds), or(eq(familyParticipation.learningDisability, true), eq(familyParticipation.needsTranslation, true)))),
  ]);
  const needsTime = new Set(familiesNeedingTime.map((r) => r.conferenceId));
  const items: WorkItem[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.c.id}:${r.childId}`;
    if (seen.has(key) || !r.c.scheduledStart) continue;
    seen.add(key);
    const report = written.find((w) => w.conferenceId === r.c.id && w.childId === r.childId);
    if (report?.shared) continue;
    const { toFamily } = reportDeadlines({
      kind: 'social-work', pack: r.c.pack as PackId, conferenceType: r.c.kind === 'review' || r.c.kind === 'designated-review' ? 'review' : 'initial',
      conferenceStart: londonDateTimeOf(r.c.scheduledStart), calendar: ctx.calendar, familyNeedsTime: needsTime.has(r.c.id),
    });
    const item = {
      title: `Share your report with the family: ${listedName(r)}`,
      detail: `${kindLabel(r.c.kind)} starts ${startsAt(r.c.scheduledStart)}. ${report ? (report.status === 'draft' ? 'Your report is still a draft.' : 'Your report is submitted but not yet shared.') : 'Your report is not written yet.'}`,
      href: `/conferences/${r.c.id}/reports`,
      childIds: [r.childId],
    };
    items.push(toFamily ? computedDeadlineItem(ctx, toFamily, item) : undatedItem(item, r.c.scheduledStart.toISOString()));
  }
  return mostUrgentFirst(items);
}

export async function registerOfficerQueue(db: Queryable, ctx: QueueContext, actor: Actor) {
  const open = await db
    .select({ t: transferNotices, givenNames: people.givenNames, familyName: people.familyName })
    .from(transferNotices)
    .innerJoin(people, eq(transferNotices.childId, people.id))
    .where(inArray(transferNotices.status, ['open', 'conference-requested']))
    .orderBy(asc(transferNotices.createdAt))
    .limit(LIMIT);
  // RG5: risk notifications recorded but not yet linked to a household and sent.
  const received = await db
    .select()
    .from(riskNotifications)
    .where(and(eq(riskNotifications.organisationId, actor.organisationId), eq(riskNotifications.status, 'received')))
    .orderBy(asc(riskNotifications.receivedOn))
    .limit(LIMIT);
  return {
    transfers: [
      ...open.map((o) => undatedItem({ title: `${o.t.direction === 'in' ? 'Moved in' : 'Moving away'}: ${listedName(o)}`, detail: o.t.otherAuthority, href: '/transfers', childIds: [o.t.childId] })),
      // TR3: emergencies for another authority's children, and changes for those living here on its plan.
      ...(await otherAuthorityItems(db, actor)),
    ],
    'risk-notifications': received.map((r) =>
      undatedItem({ title: `Risk notification: ${r.personName}`, detail: `From ${r.source}, received ${formatDate(r.receivedOn)}: link it to the household to tell the lead social workers`, href: `/register/risk-notifications/${r.id}`, childIds: [] }, r.receivedOn),
    ),
    'centre-lists': await centreListItems(db, ctx, actor),
    // RG2, RG4: today's enquiries, and recent ones from unrecognised numbers or about a child asked after before.
    enquiries: await designatedManagerEnquiryItems(db, ctx),
    // RC7: closed cases due for retention review, and disposals waiting for a second person.
    retention: await retentionItems(db, ctx, actor),
  };
}

/** RC7: the administrator shares the retention review with the register officer. */
export async function administratorQueue(db: Queryable, ctx: QueueContext, actor: Actor) {
  return { retention: await retentionItems(db, ctx, actor) };
}

/** RC7: information governance answers subject access requests within the month. */
export async function auditorQueue(db: Queryable, ctx: QueueContext, actor: Actor) {
  return {
    'subject-access': await subjectAccessItems(db, ctx, actor),
    // Issue 19: every break-glass use in the authority, to check the reason stands.
    'break-glass': breakGlassItems(await recentBreakGlassUses(db, { organisationId: actor.organisationId }, new Date(ctx.now.toZonedDateTime('Europe/London').epochMilliseconds)), false),
  };
}

/** Break-glass uses as home-page items: the team manager may open the child; the auditor reads the audit trail for the child. */
function breakGlassItems(uses: BreakGlassUse[], mayOpenChild: boolean): WorkItem[] {
  return uses.map((u) => undatedItem({
    title: `${u.userName} opened ${mayOpenChild ? `${u.childName}’s record` : 'a child’s record'} without a working relationship`,
    detail: `${formatDateTime(londonDateTimeOf(u.grantedAt))}. Reason given: ${u.reason}`,
    href: mayOpenChild ? `/people/${u.childId}` : `/audit?childId=${u.childId}`,
    childIds: mayOpenChild ? [u.childId] : [],
  }, u.grantedAt.toISOString()));
}

export async function enquirerQueue(db: Queryable, ctx: QueueContext, actor: Actor) {
  return { enquiry: await enquirerItems(db, ctx, actor) };
}

export async function agencyQueue(db: Queryable, ctx: QueueContext, actor: Actor) {
  const mine = await db
    .select({ invitationId: invitations.id, conferenceId: invitations.conferenceId, kind: conferences.kind, pack: conferences.pack, scheduledStart: conferences.scheduledStart, promised: invitations.reportPromised })
    .from(invitations)
    .innerJoin(conferences, eq(invitations.conferenceId, conferences.id))
    .where(and(eq(invitations.userId, actor.id), inArray(conferences.status, ['booked', 'invitations-sent'])))
    .limit(LIMIT);
  const own = mine.length
    ? await db
        .select({ id: reports.id, invitationId: reports.invitationId, status: reports.status })
        .from(reports)
        .where(and(eq(reports.authorId, actor.id), anyOf(reports.invitationId, mine.map((m) => m.invitationId))))
    : [];
  const done = own.filter((r) => r.status === 'submitted' || r.status === 'shared');
  const drafts = new Map(own.filter((r) => r.status === 'draft').map((r) => [r.invitationId, r.id]));
  const submitted = new Set(done.map((d) => d.invitationId));
  const reportsDue: WorkItem[] = [];
  for (const m of mine) {
    if (submitted.has(m.invitationId) || !m.scheduledStart) continue;
    // Straight to the writing: the draft to carry on, or a new report.
    const draft = drafts.get(m.invitationId);
    const href = draft ? `/reports/${draft}` : `/conferences/${m.conferenceId}/reports/new?kind=agency`;
    // A partner's report items name the conference's kind and time, not the child.
    const item = { title: `${draft ? 'Carry on your report' : 'Write your report'}: ${kindLabel(m.kind)}`, detail: `The conference starts ${startsAt(m.scheduledStart)}.`, href, childIds: [] };
    // TS14: the agency report reaches the chair by the pack's time before the conference.
    const { toChair } = reportDeadlines({
      kind: 'agency', pack: m.pack as PackId, conferenceType: m.kind === 'review' || m.kind === 'designated-review' ? 'review' : 'initial',
      conferenceStart: londonDateTimeOf(m.scheduledStart),
      calendar: ctx.calendar, familyNeedsTime: false,
    });
    reportsDue.push(toChair ? computedDeadlineItem(ctx, toChair, item) : undatedItem(item, m.scheduledStart.toISOString()));
  }
  return {
    invitations: mine.map((m) => undatedItem({ title: kindLabel(m.kind), detail: m.scheduledStart ? `Starts ${startsAt(m.scheduledStart)}` : undefined, href: `/conferences/${m.conferenceId}/reports`, childIds: [] }, m.scheduledStart?.toISOString() ?? '9999')),
    'reports-due': mostUrgentFirst(reportsDue),
  };
}

async function childVoiceItems(db: Queryable, actor: Actor): Promise<WorkItem[]> {
  const { requests, advocacy } = await childVoiceItemsFor(db, actor);
  return [
    ...requests.map(({ r, ...child }) => undatedItem({
      title: `Explain to ${listedName(child)} why their request is not followed`, detail: `They asked: ${r.request}`,
      href: `/conferences/${r.conferenceId}/child-voice/requests/${r.id}`, childIds: [r.childId],
    }, r.recordedAt.toISOString())),
    ...advocacy.map((a) => undatedItem({
      title: a.status === 'follow-up-due' ? `Follow up the advocate referral for ${a.name}` : `Consider an advocate for ${a.name}`,
      detail: a.status === 'follow-up-due' ? 'Referred to an advocate: record what the follow-up found.' : 'A learning disability or mental health need is recorded: consider an advocate.',
      // Names the parent, not a child.
      href: `/conferences/${a.conferenceId}/child-voice/advocacy/${a.invitationId}`, childIds: [],
    })),
  ].slice(0, LIMIT);
}
