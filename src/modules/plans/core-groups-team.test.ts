import { Temporal } from 'temporal-polyfill';
import { beforeAll, expect, it } from 'vitest';
import { conferenceChildren, conferences, coreGroupMeetings } from '../../db/schema/index.js';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { nextCoreGroupDue } from '../../domain/plans/core-groups.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { planTeam, sequence } from '../../../test/support/plan-team-fixture.js';
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

describeEachEngine('core groups across a whole team (TS8, TS9, CG3)', (engine) => {
  const suite = suiteDatabase(engine);
  let managerId = '';
  const facts: { planId: string; startDate: string; reviews: string[]; coreGroups: { heldOn: string; nextIntervalWeeks: number | null }[] }[] = [];

  beforeAll(async () => {
    const db = suite.db();
    const next = sequence(11);
    const { manager, plans } = await planTeam(db, {
      plans: PLANS, givenNames: 'Core',
      plan: () => ({ startDate: Temporal.PlainDate.from('2026-01-05').add({ days: next(320) }).toString(), visitFrequencyWeeks: 4 }),
    });
    managerId = manager.id;
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

  for (const pack of ['national', 'nottinghamshire', 'newcastle'] as PackId[]) {
    it(`lists the core groups the rule gives over every plan, from a few plans SQL picks (${pack})`, async () => {
      const db = suite.db();
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
