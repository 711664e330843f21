import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { auditEvents, childProtectionPlans, conferenceChildren, conferences, coreGroupMeetings, meetingDecisions, outboxMessages, people, planActionVersions, planVisits, reviewTriggers } from '../../db/schema/index.js';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { businessSupportQueue } from '../work-queues/queues.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import type { WorkItem } from '../work-queues/work-item.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { decideVisitFrequency } from './decide-visit-frequency.js';
import { endPlan } from './end-plan.js';
import { loadPlan } from './load-plan.js';
import { presentPlan } from '../../web/pages/plans/presenter.js';
import { planFixture } from './plan-fixture.test-support.js';
import { visitBreachItems } from './plan-queue-items.js';
import { recordCoreGroup, type CoreGroupInput } from './record-core-group.js';
import { recordVisit } from './record-visit.js';
import { reportPlanActionProblem } from './report-plan-action-problem.js';
import { requestDueReviews } from './request-due-reviews.js';
import { requestReview } from './request-review.js';
import { requestVisitFrequency } from './request-visit-frequency.js';
import { savePlanAction } from './save-plan-action.js';

const coreGroup = (extra: Partial<CoreGroupInput> = {}): CoreGroupInput => ({
  heldOn: '2026-03-12', chairName: 'Sam Sampleford', chairRole: 'lead-social-worker',
  members: [
    { name: 'Demi Testington', role: 'Mother', agency: 'Family', attended: true, writtenViews: '' },
    { name: 'Hana Exampleton', role: 'Health visitor', agency: 'Health', attended: false, writtenViews: 'Weights are on track.' },
  ],
  decisions: 'Detailed plan agreed.', actionsAgreed: 'See plan actions.', nextIntervalWeeks: 6, planUpdated: true,
  planDistributedOn: '2026-03-13', distributedTo: 'All members by secure email', dischargePlan: '', collectiveReviewReport: false, planVersion: 1, ...extra,
});

describeEachEngine('life on a plan', (engine) => {
  const suite = suiteDatabase(engine);

  describe('core groups and the detailed plan', () => {
    it('records the first core group with absentees’ views and bumps the plan version (CG1, PL2)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      await expect(recordCoreGroup(db, f.as.socialWorker, 'national', f.plan.id, coreGroup({ members: [{ name: 'Pat Placeholder', role: 'Teacher', agency: 'School', attended: false, writtenViews: '' }] })))
        .rejects.toMatchObject({ errors: [{ field: 'members.0.writtenViews' }] });
      const id = await recordCoreGroup(db, f.as.socialWorker, 'national', f.plan.id, coreGroup());
      await expect(recordCoreGroup(db, f.as.socialWorker, 'national', f.plan.id, coreGroup())).rejects.toBeInstanceOf(ConflictError);
      const [row] = await db.select().from(coreGroupMeetings).where(eq(coreGroupMeetings.id, id));
      expect(row?.members[1]?.writtenViews).toBe('Weights are on track.');
      const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'core-group-recorded'), eq(auditEvents.recordId, id)));
      expect(audit?.childId).toBe(f.meeting.alphaId);
    });

    it('a first core group overdue reaches the team manager’s Breaches and, in newcastle, the chair; once held and dated it leaves them (TS8, TS9, CG3)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      const now = new Date('2026-04-20T10:00:00Z');
      const mine = (items: { href: string }[] | undefined) => (items ?? []).filter((i) => i.href === `/plans/${f.plan.id}`);
      const breaches = mine((await queueForRole(db, f.as.teamManager.actor!, 'team-manager', now, 'national')).breaches) as WorkItem[];
      const coreGroupItem = breaches.find((i) => i.title === 'First core group: Alpha Testington');
      // TS8: 10 working days after the conference on 2 March 2026.
      expect(coreGroupItem).toMatchObject({ dueDate: '2026-03-16' });
      expect(coreGroupItem!.state).toMatch(/^overdue by \d+ working days$/);
      expect(mine((await queueForRole(db, f.as.chair.actor!, 'chair', now, 'newcastle'))['core-groups']).map((i) => i.href)).toEqual([`/plans/${f.plan.id}`]);
      expect(mine((await queueForRole(db, f.as.chair.actor!, 'chair', now, 'national'))['core-groups'])).toEqual([]);

      await recordCoreGroup(db, f.as.socialWorker, 'national', f.plan.id, coreGroup({ heldOn: '2026-04-16', planDistributedOn: '2026-04-17' }));
      // The next is due six weeks on (28 May): not yet due soon, so off both lists.
      expect(mine((await queueForRole(db, f.as.teamManager.actor!, 'team-manager', now, 'national')).breaches).filter((i) => (i as WorkItem).title.includes('core group'))).toEqual([]);
      expect(mine((await queueForRole(db, f.as.chair.actor!, 'chair', now, 'newcastle'))['core-groups'])).toEqual([]);
      const later = new Date('2026-05-27T10:00:00Z');
      expect(mine((await queueForRole(db, f.as.teamManager.actor!, 'team-manager', later, 'national')).breaches).map((i) => (i as WorkItem).state)).toContain('due soon');
    });

    it('nottinghamshire refuses a second core group when the team manager chaired neither (CG1)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      await recordCoreGroup(db, f.as.socialWorker, 'nottinghamshire', f.plan.id, coreGroup());
      await expect(recordCoreGroup(db, f.as.socialWorker, 'nottinghamshire', f.plan.id, coreGroup({ heldOn: '2026-04-16', planDistributedOn: '2026-04-17', planVersion: 2 })))
        .rejects.toMatchObject({ errors: [{ field: 'chairRole', message: expect.stringContaining('team manager') }] });
      await recordCoreGroup(db, f.as.teamManager, 'nottinghamshire', f.plan.id, coreGroup({ heldOn: '2026-04-16', planDistributedOn: '2026-04-17', planVersion: 2, chairRole: 'team-manager', chairName: 'Tara Teamlead' }));
    });

    it('keeps every version of a plan action and refuses a stale update (PL2)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      const input = { action: 'Attend parenting course', owner: 'Demi Testington', ownerRole: 'Mother', dueOn: '2026-05-01', progress: '', status: 'not-started' as const };
      const id = await savePlanAction(db, f.as.socialWorker, f.plan.id, input);
      await savePlanAction(db, f.as.socialWorker, f.plan.id, { ...input, progress: 'Enrolled', status: 'in-progress' }, { actionId: id, version: 1 });
      await expect(savePlanAction(db, f.as.socialWorker, f.plan.id, { ...input, status: 'done' }, { actionId: id, version: 1 })).rejects.toBeInstanceOf(ConflictError);
      const versions = await db.select().from(planActionVersions).where(eq(planActionVersions.actionId, id));
      expect(versions.map((v) => v.snapshot.status).sort()).toEqual(['in-progress', 'not-started']);
      await expect(savePlanAction(db, f.as.businessSupport, f.plan.id, input)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it('tells the manager and the lead social worker when an action cannot be carried out (CG2)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      const id = await reportPlanActionProblem(db, f.as.teamManager, f.plan.id, {
        planActionId: null, reporterName: 'Hana Exampleton', reporterAgency: 'Health', whatCannotBeDone: 'Home visit',
        reason: 'Access to the child refused', managerName: 'Nia Nursemanager', managerEmail: 'nia@example.nhs.uk',
      });
      const sent = await db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, id));
      expect(sent.map((m) => m.toName).sort()).toEqual(['Nia Nursemanager', 'Sam Sampleford']);
    });
  });

  describe('visits', () => {
    it('records seen and not-seen visits per child, flags the breach to the team manager, and changes frequency only with approval (CG3, TS24)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      await recordVisit(db, f.as.socialWorker, f.plan.id, { visitedOn: '2026-03-10', childSeen: true, seenAlone: true, visitedBy: 'Sam Sampleford', notSeenReason: '' });
      await expect(recordVisit(db, f.as.socialWorker, f.plan.id, { visitedOn: '2026-03-24', childSeen: false, seenAlone: true, visitedBy: 'Sam Sampleford', notSeenReason: '' }))
        .rejects.toBeInstanceOf(ValidationError);
      await recordVisit(db, f.as.socialWorker, f.plan.id, { visitedOn: '2026-03-24', childSeen: false, seenAlone: false, visitedBy: 'Sam Sampleford', notSeenReason: 'Nobody home' });
      const visits = await db.select().from(planVisits).where(eq(planVisits.planId, f.plan.id));
      expect(visits.map((v) => v.childSeen).sort()).toEqual([false, true]);

      const ctx = { calendar: bundledCalendar('england-and-wales'), now: Temporal.PlainDateTime.from('2026-04-20T10:00'), pack: 'national' as const };
      const breaches = await visitBreachItems(db, ctx, f.meeting.teamManager.id);
      expect(breaches).toEqual([expect.objectContaining({ href: `/plans/${f.plan.id}`, title: 'Visit missed: Alpha Testington', sortKey: '2026-03-24' })]);

      const changeId = await requestVisitFrequency(db, f.as.socialWorker, 'national', f.plan.id, { proposedWeeks: 3, reasons: 'Family engaging well' });
      await expect(decideVisitFrequency(db, f.as.socialWorker, f.plan.id, changeId, { decision: 'approved', note: 'ok', version: 1, planVersion: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await decideVisitFrequency(db, f.as.teamManager, f.plan.id, changeId, { decision: 'approved', note: 'Agreed at core group', version: 1, planVersion: 1 });
      const [plan] = await db.select().from(childProtectionPlans).where(eq(childProtectionPlans.id, f.plan.id));
      expect(plan?.visitFrequencyWeeks).toBe(3);
      await expect(requestVisitFrequency(db, f.as.socialWorker, 'nottinghamshire', f.plan.id, { proposedWeeks: 6, reasons: 'x' })).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe('reviews', () => {
    it('an inquorate conference’s early review drives the plan page, the review queue and the automatic request (CF1, CF2)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      const [child] = await db.select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, f.meeting.conferenceId), eq(conferenceChildren.childId, f.meeting.alphaId)));
      await db.insert(meetingDecisions).values({
        conferenceId: f.meeting.conferenceId, childId: f.meeting.alphaId, conferenceChildId: child!.id, outcome: 'plan', quorate: false,
        inquorateReasons: 'Only two agencies know the child', earlyReview: true, reviewOn: '2026-04-15', planId: f.plan.id, decidedAt: new Date('2026-03-02T11:00:00Z'), updatedAt: new Date('2026-03-02T11:00:00Z'),
      });
      const loaded = await loadPlan(db, f.plan.id);
      expect(loaded.earlyReviewOn).toBe('2026-04-15');
      const page = presentPlan(loaded, 'national', bundledCalendar('england-and-wales'), Temporal.PlainDateTime.from('2026-03-10T10:00'));
      expect(page.deadlines.find((d) => d.label.startsWith('Review 1: early'))).toMatchObject({ due: '15 April 2026' });

      const queue = await queueForRole(db, f.as.socialWorker.actor!, 'social-worker', new Date('2026-03-10T10:00:00Z'), 'national');
      expect(queue['core-groups']!.find((i) => i.href === `/plans/${f.plan.id}`)).toMatchObject({ dueDate: '2026-04-15' });

      // Requested 20 working days before the early date, well before the statutory one would be (1 May).
      const requested = await requestDueReviews(db, new Date('2026-03-20T09:00:00Z'), 'national');
      const mine = requested.requested.find((r) => r.planId === f.plan.id);
      expect(mine?.holdBy).toBe('2026-04-15');
      const toBook = (await queueForRole(db, f.as.businessSupport.actor!, 'business-support', new Date('2026-03-20T09:00:00Z'), 'national'))['to-book']!;
      expect(toBook.find((i) => i.href === `/conferences/${mine!.conferenceId}`)).toMatchObject({ dueDate: '2026-04-15' });
    });

    it('requests the first review 20 working days before it is due, once, into business support’s list (TS5)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      const early = await requestDueReviews(db, new Date('2026-04-30T09:00:00Z'), 'national');
      expect(early.requested.filter((r) => r.planId === f.plan.id)).toEqual([]);
      const due = await requestDueReviews(db, new Date('2026-05-01T09:00:00Z'), 'national');
      const mine = due.requested.find((r) => r.planId === f.plan.id);
      expect(mine?.holdBy).toBe('2026-06-02');
      const [conference] = await db.select().from(conferences).where(eq(conferences.id, mine!.conferenceId));
      expect(conference).toMatchObject({ kind: 'review', status: 'requested', dueDate: '2026-06-02', dueRuleId: 'TS5', dueFromDate: '2026-03-02', chairId: f.meeting.chair.id });
      const children = await db.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, mine!.conferenceId));
      expect(children.map((c) => `${c.role}:${c.childType ?? ''}`).sort()).toEqual(['household:', 'subject:review']);
      const again = await requestDueReviews(db, new Date('2026-05-02T09:00:00Z'), 'national');
      expect(again.requested.filter((r) => r.planId === f.plan.id)).toEqual([]);
      const queue = await businessSupportQueue(db, { calendar: bundledCalendar('england-and-wales'), now: Temporal.PlainDateTime.from('2026-05-01T10:00'), pack: 'national' });
      expect(queue['to-book'].map((i) => i.href)).toContain(`/conferences/${mine!.conferenceId}`);
    });

    it('requests the first review of a plan made when an adjourned conference reconvened: the adjourned one is not still being arranged (TS5, TS20)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      // The initial conference adjourned; the reconvened conference (held) made the plan.
      const [start] = await db.select().from(conferences).where(eq(conferences.id, f.meeting.conferenceId));
      await db.update(conferences).set({ status: 'adjourned' }).where(eq(conferences.id, f.meeting.conferenceId));
      const [reconvened] = await db.insert(conferences).values({
        householdId: start!.householdId, kind: 'reconvened', status: 'held', pack: 'national', chairId: f.meeting.chair.id, heldOn: '2026-03-02', reconvenedFromId: start!.id,
      }).returning();
      const [alpha] = await db.select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, start!.id), eq(conferenceChildren.childId, f.meeting.alphaId)));
      await db.insert(conferenceChildren).values({ conferenceId: reconvened!.id, caseId: alpha!.caseId, childId: f.meeting.alphaId, role: 'subject', childType: 'initial' });
      await db.update(childProtectionPlans).set({ startConferenceId: reconvened!.id }).where(eq(childProtectionPlans.id, f.plan.id));
      const due = await requestDueReviews(db, new Date('2026-05-01T09:00:00Z'), 'national');
      expect(due.requested.find((r) => r.planId === f.plan.id)?.holdBy).toBe('2026-06-02');
    });

    it('brings the review forward for an RV2 reason, and asks the chair first about new section 47 enquiries (RV2)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      const base = { details: 'Missed three appointments', occurredOn: '2026-04-17', holdBy: '2026-05-15', chairConsulted: false };
      await expect(requestReview(db, f.as.socialWorker, 'national', f.plan.id, { ...base, trigger: 'new-section-47' })).rejects.toMatchObject({ errors: [{ field: 'chairConsulted' }] });
      await expect(requestReview(db, f.as.socialWorker, 'national', f.plan.id, { ...base, trigger: 'plan-failing', holdBy: '2026-07-01' })).rejects.toBeInstanceOf(ValidationError);
      const first = await requestReview(db, f.as.socialWorker, 'national', f.plan.id, { ...base, trigger: 'plan-failing' });
      expect(first.created).toBe(true);
      const second = await requestReview(db, f.as.teamManager, 'national', f.plan.id, { ...base, trigger: 'risk-person-joins', holdBy: '2026-05-08' });
      expect(second).toEqual({ conferenceId: first.conferenceId, created: false });
      const [conference] = await db.select().from(conferences).where(eq(conferences.id, first.conferenceId));
      expect(conference?.dueDate).toBe('2026-05-08');
      const triggers = await db.select().from(reviewTriggers).where(eq(reviewTriggers.planId, f.plan.id));
      expect(triggers.map((t) => t.trigger).sort()).toEqual(['plan-failing', 'risk-person-joins']);
    });
  });

  describe('ending a plan', () => {
    it('a service manager ends a plan on the child’s death: everyone invited is told and the review stands down (EN1, EN4, EN5)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      const review = await requestReview(db, f.as.socialWorker, 'national', f.plan.id, { trigger: 'now', details: '', occurredOn: '2026-04-20', holdBy: '2026-05-29', chairConsulted: false });
      const input = { route: 'death' as const, endedOn: '2026-04-18', reason: 'The child died on 18 April 2026.', continuingSupport: 'child-in-need-plan' as const, continuingSupportDetails: 'Support for Beta', planVersion: 1 };
      await expect(endPlan(db, f.as.socialWorker, 'national', f.plan.id, input)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(endPlan(db, f.as.serviceManager, 'national', f.plan.id, { ...input, continuingSupport: null })).rejects.toMatchObject({ errors: [{ field: 'continuingSupport' }] });
      const result = await endPlan(db, f.as.serviceManager, 'national', f.plan.id, input);
      expect(result.notified).toBe(8);
      const plan = await loadPlan(db, f.plan.id);
      expect(plan.plan).toMatchObject({ endDate: '2026-04-18', endReason: 'death' });
      // Census PersonDeathDate is kept on the child's record.
      expect((await db.select({ d: people.dateOfDeath }).from(people).where(eq(people.id, f.plan.childId)))[0]?.d).toBe('2026-04-18');
      expect(plan.ending?.continuingSupport).toBe('child-in-need-plan');
      const messages = await db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, plan.ending!.id));
      expect(messages.map((m) => m.toName)).toEqual(expect.arrayContaining(['Demi Testington', 'Fred Testington', 'PC Petra Placeholder', 'Sam Sampleford']));
      expect(messages.find((m) => m.toName === 'Fred Testington')?.channel).toBe('post');
      // The ending's date in words, as the letter is read: never the ISO date.
      expect(messages.find((m) => m.toName === 'Fred Testington')?.bodyText).toMatch(/^Dear Fred Testington,\n\nThe child protection plan for .+ ended on 18 April 2026\./);
      expect(messages.every((m) => !/\d{4}-\d{2}-\d{2}/.test(m.bodyText))).toBe(true);
      const [cancelled] = await db.select().from(conferences).where(eq(conferences.id, review.conferenceId));
      expect(cancelled?.status).toBe('cancelled');
      await expect(endPlan(db, f.as.serviceManager, 'national', f.plan.id, { ...input, planVersion: 2 })).rejects.toBeInstanceOf(ConflictError);
    });

    it('refuses the 18th-birthday route before the birthday, and a looked-after consultation where the pack has none (EN1, EN2)', async () => {
      const db = suite.db();
      const f = await planFixture(db);
      const input = { endedOn: '2026-04-18', reason: 'x', continuingSupport: 'early-help' as const, continuingSupportDetails: '', planVersion: 1 };
      await expect(endPlan(db, f.as.serviceManager, 'national', f.plan.id, { ...input, route: 'eighteenth-birthday' })).rejects.toMatchObject({ errors: [{ field: 'route' }] });
      await expect(endPlan(db, f.as.serviceManager, 'national', f.plan.id, { ...input, route: 'looked-after-consultation' })).rejects.toMatchObject({ errors: [{ field: 'route' }] });
    });
  });
});
