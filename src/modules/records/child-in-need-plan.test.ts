import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { suiteWithOrganisation } from '../../../test/support/suite-database.js';
import { childInNeedPlans, childProtectionPlans } from '../../db/schema/index.js';
import { systemContext } from '../shared/action-context.js';
import { endRunningCinPlan, stepDownToChildInNeed } from './child-in-need-plan.js';

const context = systemContext(new Date('2026-06-01T10:00:00Z'));

describeEachEngine('a conference steps a child down to child in need, and up again', (engine) => {
  const suite = suiteWithOrganisation(engine);

  it('a step-down starts a plan the day the protection plan ends, never during it; a step-up ends it the day the next plan starts', async () => {
    const db = suite.db();
    const { plan, child, case: caseRow } = await childOnAPlan(db, suite.orgId());
    const plansOf = async () => (await db.select().from(childInNeedPlans).where(eq(childInNeedPlans.childId, child.id))).map((p) => [p.startDate, p.endDate, p.startedBy, p.endedBy]);
    // While the protection plan is open a step-down would overlap it (C19): nothing is started.
    await db.transaction((tx) => stepDownToChildInNeed(tx, context, { caseId: caseRow.id, childId: child.id, on: '2026-01-12' }));
    expect(await plansOf()).toEqual([]);
    await db.update(childProtectionPlans).set({ endDate: '2026-02-02' }).where(eq(childProtectionPlans.id, plan.id));
    await db.transaction((tx) => stepDownToChildInNeed(tx, context, { caseId: caseRow.id, childId: child.id, on: '2026-02-02' }));
    // A second step-down while one runs starts nothing more.
    await db.transaction((tx) => stepDownToChildInNeed(tx, context, { caseId: caseRow.id, childId: child.id, on: '2026-02-09' }));
    expect(await plansOf()).toEqual([['2026-02-02', null, 'step-down', null]]);
    await db.transaction((tx) => endRunningCinPlan(tx, context, { childId: child.id, on: '2026-05-11', endedBy: 'step-up' }));
    expect(await plansOf()).toEqual([['2026-02-02', '2026-05-11', 'step-down', 'step-up']]);
  });
});
