import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cases, childProtectionPlans, people, planVisits } from '../../db/schema/index.js';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { visitBreaches } from '../../domain/plans/visits.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { plansLongestUnseen, plansPossiblyUnseen, visitBreachItems } from './plan-queue-items.js';

/**
 * CG3, TS24: the team manager's missed visits are found in SQL first (a superset) and then by
 * the exact rule, over every open plan of the team: 640 plans here, more than the 500 the list
 * once read, with the most overdue one written last.
 */
const PLANS = 640;
const calendar = bundledCalendar('england-and-wales');
const today = Temporal.PlainDate.from('2026-11-30');

// A fixed pseudo-random sequence: the same plans every run.
function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

describeEachEngine('missed visits across a whole team (CG3, TS24)', (engine) => {
  let database: TestDatabase;
  let managerId = '';
  const facts: { planId: string; startDate: string; frequencyWeeks: number | null; visits: { visitedOn: string; childSeen: boolean }[] }[] = [];

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const db = database.handle.db;
    const org = await createOrganisation(db);
    const manager = await createUser(db, { roles: ['team-manager'], organisationId: org.id });
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: org.id });
    managerId = manager.id;
    const next = sequence(7);
    const kids = await db.insert(people).values(Array.from({ length: PLANS }, (_, i) => ({ kind: 'child', givenNames: 'Team', familyName: `Child${i}`, dateOfBirth: '2018-05-01' }))).returning({ id: people.id });
    const caseRows = await db.insert(cases).values(kids.map((k) => ({ childId: k.id, organisationId: org.id, openedOn: '2025-01-01', socialWorkerId: worker.id, teamManagerId: manager.id }))).returning({ id: cases.id, childId: cases.childId });
    const planValues = caseRows.map((c, i) => {
      const last = i === PLANS - 1;
      const start = last ? '2025-01-06' : Temporal.PlainDate.from('2026-06-01').add({ days: next(170) }).toString();
      const frequency = last ? 2 : [null, 1, 2, 3, 4, 6][next(6)]!;
      return { caseId: c.id, childId: c.childId, startDate: start, initialCategories: ['NEG'], latestCategories: ['NEG'], leadSocialWorkerId: worker.id, visitFrequencyWeeks: frequency };
    });
    const plans = await db.insert(childProtectionPlans).values(planValues).returning({ id: childProtectionPlans.id, childId: childProtectionPlans.childId, startDate: childProtectionPlans.startDate, visitFrequencyWeeks: childProtectionPlans.visitFrequencyWeeks });
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
  afterAll(async () => database.drop());

  for (const pack of ['national', 'nottinghamshire'] as PackId[]) {
    it(`finds every plan with an open missed visit, the 640th included (${pack})`, async () => {
      const db = database.handle.db;
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
