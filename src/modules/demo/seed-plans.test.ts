import { expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { isNull } from 'drizzle-orm';
import { childProtectionPlans, coreGroupMeetings, planVisits } from '../../db/schema/index.js';
import { bundledCalendar } from '../../domain/calendar/working-calendar.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { visitBreachItems } from '../plans/plan-queue-items.js';
import { seedDemo } from './seed-demo.js';
import { seedDemoPlans } from './seed-plans.js';

describeEachEngine('demo plans', (engine) => {
  const suite = suiteDatabase(engine);

  it('adds a core group and a missed visit to each open demo plan, once', async () => {
    const db = suite.db();
    const now = new Date('2026-03-02T10:00:00Z');
    // seedDemo calls seedDemoPlans itself; a second call adds nothing.
    await seedDemo(db, { password: 'demo-password', dataDir: '/tmp/convene-demo-plans-unused', now, pack: 'national' });
    const openPlans = await db.$count(childProtectionPlans, isNull(childProtectionPlans.endDate));
    expect(openPlans).toBeGreaterThan(0);
    expect(await db.$count(coreGroupMeetings)).toBe(openPlans);
    expect(await db.$count(planVisits)).toBe(2 * openPlans);
    expect((await seedDemoPlans(db, { now })).plans).toBe(0);
    const first = { plans: openPlans };
    const breaches = await visitBreachItems(db, { calendar: bundledCalendar('england-and-wales'), now: Temporal.PlainDateTime.from('2026-03-02T10:00'), pack: 'national' });
    expect(breaches).toHaveLength(first.plans);
  });
});
