import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cases, childProtectionPlans, conferenceChildren, conferences, coreGroupMeetings, people } from '../../db/schema/index.js';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { nextCoreGroupDue } from '../../domain/plans/core-groups.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { computedDeadlineItem } from '../work-queues/work-item.js';
import { coreGroupsDueFirst } from './core-groups-due-first.js';
import { coreGroupItems } from './plan-queue-items.js';

/**
 * TS8, TS9, CG3: the team manager's core groups are cut in SQL to the plans that can come first,
 * and the list is still exactly the one the rule gives over every open plan of the team: 640
 * plans here, with core groups at random intervals (some with none recorded) and review
 * conferences that, in nottinghamshire, restart the count.
 */
const PLANS = 640;
const calendar = bundledCalendar('england-and-wales');
const today = Temporal.PlainDate.from('2026-11-30');
const now = today.toPlainDateTime({ hour: 10 });

function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

describeEachEngine('core groups across a whole team (TS8, TS9, CG3)', (engine) => {
  let database: TestDatabase;
  let managerId = '';
  const facts: { planId: string; startDate: string; reviews: string[]; coreGroups: { heldOn: string; nextIntervalWeeks: number | null }[] }[] = [];

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const db = database.handle.db;
    const org = await createOrganisation(db);
    const manager = await createUser(db, { roles: ['team-manager'], organisationId: org.id });
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: org.id });
    managerId = manager.id;
    const next = sequence(11);
    const kids = await db.insert(people).values(Array.from({ length: PLANS }, (_, i) => ({ kind: 'child', givenNames: 'Core', familyName: `Child${i}`, dateOfBirth: '2018-05-01' }))).returning({ id: people.id });
    const caseRows = await db.insert(cases).values(kids.map((k) => ({ childId: k.id, organisationId: org.id, openedOn: '2025-01-01', socialWorkerId: worker.id, teamManagerId: manager.id }))).returning({ id: cases.id, childId: cases.childId });
    const plans = await db.insert(childProtectionPlans).values(caseRows.map((c) => ({
      caseId: c.id, childId: c.childId, startDate: Temporal.PlainDate.from('2026-01-05').add({ days: next(320) }).toString(),
      initialCategories: ['NEG'], latestCategories: ['NEG'], leadSocialWorkerId: worker.id, visitFrequencyWeeks: 4,
    }))).returning({ id: childProtectionPlans.id, childId: childProtectionPlans.childId, caseId: childProtectionPlans.caseId, startDate: childProtectionPlans.startDate });
    const meetingRows: (typeof coreGroupMeetings.$inferInsert)[] = [];
    for (const p of plans) {
      const fact = { planId: p.id, startDate: p.startDate, reviews: [] as string[], coreGroups: [] as { heldOn: string; nextIntervalWeeks: number | null }[] };
      let on = Temporal.PlainDate.from(p.startDate);
      for (let n = next(5); n > 0; n--) {
        on = on.add({ days: 5 + next(50) });
        if (Temporal.PlainDate.compare(on, today) > 0) break;
        const interval = [null, 2, 4, 6, 8][next(5)]!;
        fact.coreGroups.push({ heldOn: on.toString(), nextIntervalWeeks: interval });
        meetingRows.push({ planId: p.id, childId: p.childId, heldOn: on.toString(), chairName: 'A Chair', chairRole: 'lead-social-worker', decisions: 'Met', nextIntervalWeeks: interval, createdAt: new Date('2026-11-30T09:00:00Z') });
      }
      // A review held a while after the start for one plan in four (nottinghamshire counts the first core group from it).
      const review = Temporal.PlainDate.from(p.startDate).add({ days: 20 + next(120) });
      if (next(4) === 0 && Temporal.PlainDate.compare(review, today) < 0) {
        const [conference] = await db.insert(conferences).values({ kind: 'review', status: 'held', pack: 'national', heldOn: review.toString() }).returning({ id: conferences.id });
        await db.insert(conferenceChildren).values({ conferenceId: conference!.id, caseId: p.caseId, childId: p.childId, role: 'subject', childType: 'review' });
        fact.reviews.push(review.toString());
      }
      facts.push(fact);
    }
    for (let i = 0; i < meetingRows.length; i += 500) await db.insert(coreGroupMeetings).values(meetingRows.slice(i, i + 500));
  });
  afterAll(async () => database.drop());

  for (const pack of ['national', 'nottinghamshire', 'newcastle'] as PackId[]) {
    it(`lists the core groups the rule gives over every plan, from a few plans SQL picks (${pack})`, async () => {
      const db = database.handle.db;
      const ctx = { calendar, now, pack };
      // The rule over every plan: due dates of the dated that need action, soonest first, and how many have no date.
      const worked = facts.map((f) => nextCoreGroupDue({ pack, calendar, planStartedOn: f.startDate, laterConferencesKeepingPlan: f.reviews, coreGroups: f.coreGroups }));
      const needing = worked
        .flatMap((w) => (w.deadline ? [computedDeadlineItem(ctx, w.deadline, { title: '', href: '', childIds: [] })] : []))
        .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
      const cut = needing.findIndex((i) => !/^(due soon|due today|overdue)/.test(i.state ?? ''));
      const expectedDates = (cut === -1 ? needing : needing.slice(0, cut)).slice(0, 50).map((i) => i.dueDate);
      const undated = worked.filter((w) => !w.deadline).length;
      expect(expectedDates.length).toBe(50);

      const items = await coreGroupItems(db, ctx, { teamManagerId: managerId });
      expect(items.filter((i) => i.dueDate !== null).map((i) => i.dueDate).sort()).toEqual([...expectedDates].sort());
      expect(items.filter((i) => i.dueDate === null)).toHaveLength(Math.min(undated, 50 - expectedDates.length));
      const picked = await coreGroupsDueFirst(db, pack, managerId, 50);
      expect(picked!.length).toBeLessThanOrEqual(150);
    });
  }
});
