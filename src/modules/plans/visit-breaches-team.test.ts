import { Temporal } from 'temporal-polyfill';
import { beforeAll, expect, it } from 'vitest';
import { planVisits } from '../../db/schema/index.js';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { visitBreaches } from '../../domain/plans/visits.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { planTeam, sequence } from '../../../test/support/plan-team-fixture.js';
import { plansLongestUnseen, plansPossiblyUnseen, visitBreachItems } from './plan-queue-items.js';

/**
 * CG3, TS24: the team manager's missed visits are found in SQL first (a superset) and then by
 * the exact rule, over every open plan of the team: 640 plans here, more than the 500 the list
 * once read, with the most overdue one written last.
 */
const PLANS = 640;
const calendar = bundledCalendar('england-and-wales');
const today = Temporal.PlainDate.from('2026-11-30');

describeEachEngine('missed visits across a whole team (CG3, TS24)', (engine) => {
  const suite = suiteDatabase(engine);
  let managerId = '';
  const facts: { planId: string; startDate: string; frequencyWeeks: number | null; visits: { visitedOn: string; childSeen: boolean }[] }[] = [];

  beforeAll(async () => {
    const db = suite.db();
    const next = sequence(7);
    const { manager, plans } = await planTeam(db, {
      plans: PLANS, givenNames: 'Team',
      plan: (i) => {
        const last = i === PLANS - 1;
        const startDate = last ? '2025-01-06' : Temporal.PlainDate.from('2026-06-01').add({ days: next(170) }).toString();
        return { startDate, visitFrequencyWeeks: last ? 2 : [null, 1, 2, 3, 4, 6][next(6)]! };
      },
    });
    managerId = manager.id;
    const visitRows: (typeof planVisits.$inferInsert)[] = [];
    plans.forEach((p, i) => {
      const visits: { visitedOn: string; childSeen: boolean }[] = [];
      if (i !== PLANS - 1) {
        let on = Temporal.PlainDate.from(p.startDate);
        for (let v = next(6); v > 0; v--) {
          on = on.add({ days: 3 + next(30) });
          if (Temporal.PlainDate.compare(on, today) > 0) break;
          visits.push({ visitedOn: on.toString(), childSeen: next(4) !== 0 });
        }
      }
      facts.push({ planId: p.id, startDate: p.startDate, frequencyWeeks: p.visitFrequencyWeeks, visits });
      for (const v of visits) visitRows.push({ planId: p.id, childId: p.childId, visitedOn: v.visitedOn, childSeen: v.childSeen, visitedBy: 'Test Worker', createdAt: new Date('2026-11-30T09:00:00Z') });
    });
    for (let i = 0; i < visitRows.length; i += 500) await db.insert(planVisits).values(visitRows.slice(i, i + 500));
  });

  for (const pack of ['national', 'nottinghamshire'] as PackId[]) {
    it(`finds every plan with an open missed visit, the 640th included (${pack})`, async () => {
      const db = suite.db();
      const open = facts.filter((f) => visitBreaches({ pack, calendar, planStartedOn: f.startDate, frequencyWeeks: f.frequencyWeeks, visits: f.visits }, today).some((b) => b.seenOn === null));
      expect(open.length).toBeGreaterThan(50);
      // The SQL pass never drops a plan the exact rule would list.
      const candidates = new Set(await plansPossiblyUnseen(db, pack, today.toString(), managerId));
      expect(open.filter((f) => !candidates.has(f.planId))).toEqual([]);
      expect(candidates.size).toBeLessThan(PLANS);

      const items = await visitBreachItems(db, { calendar, now: today.toPlainDateTime({ hour: 10 }), pack }, managerId);
      expect(items).toHaveLength(50);
      // Most overdue first: the plan unseen since January 2025, written last of all.
      expect(items[0]!.href).toBe(`/plans/${facts.at(-1)!.planId}`);
      const listed = new Set(items.map((i) => i.href.slice('/plans/'.length)));
      expect([...listed].every((id) => open.some((f) => f.planId === id))).toBe(true);
      // The 50 shown are the 50 most overdue by the exact rule over every plan of the team, though
      // SQL hands the rule far fewer plans than it would need to find every missed visit.
      const dueBy = (f: (typeof facts)[number]) => visitBreaches({ pack, calendar, planStartedOn: f.startDate, frequencyWeeks: f.frequencyWeeks, visits: f.visits }, today).find((b) => b.seenOn === null)!.dueBy;
      expect(items.map((i) => i.dueDate).sort()).toEqual(open.map(dueBy).sort().slice(0, 50));
      const longest = await plansLongestUnseen(db, pack, today.toString(), managerId, 50);
      expect(longest.length).toBeLessThan(open.length);
    });
  }
});
