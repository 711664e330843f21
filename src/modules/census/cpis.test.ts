import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, childProtectionPlans, people } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { seedDemo } from '../demo/seed-demo.js';
import { systemContext } from '../shared/action-context.js';
import { exportCpis } from './export-cpis.js';

const NOW = new Date('2027-03-15T10:00:00Z');

describeEachEngine('the CP-IS feed from the plans', (engine) => {
  const suite = suiteDatabase(engine);
  beforeAll(async () => {
    await seedDemo(suite.db(), { password: null, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'convene-cpis-')), now: NOW, pack: 'national' });
  });

  it('sends each plan started in the window for a child with an NHS number, lists the others, and audits each child sent', async () => {
    const db = suite.db();
    const plans = await db.select({ plan: childProtectionPlans, child: people }).from(childProtectionPlans).innerJoin(people, eq(childProtectionPlans.childId, people.id))
      .where(isNull(childProtectionPlans.responsibleAuthority));
    const starts = plans.map((p) => p.plan.startDate).sort();
    const window = { from: starts[0]!, to: starts.at(-1)! };
    const [withNumber, ...without] = plans;
    await db.update(people).set({ nhsNumber: '9434765919' }).where(eq(people.id, withNumber!.child.id));
    const feed = await exportCpis(db, systemContext(NOW), window);
    const sent = feed.rows.filter((r) => r.event === 'plan-started');
    expect(sent.map((r) => [r.nhsNumber, r.familyName, r.planStart])).toEqual([['943 476 5919', withNumber!.child.familyName, withNumber!.plan.startDate]]);
    expect(sent[0]?.authority).toBe('Demoshire County Council (demo)');
    expect(feed.missingNhsNumber.filter((m) => m.event === 'plan-started').map((m) => m.personId).sort()).toEqual(without.map((p) => p.child.id).sort());
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'child-sent-to-cpis'), eq(auditEvents.childId, withNumber!.child.id)));
    expect(audits).toHaveLength(1);
  });

  it('refuses a window that ends before it starts, or is not a date, naming the field', async () => {
    const db = suite.db();
    await expect(exportCpis(db, systemContext(NOW), { from: '2027-03-10', to: '2027-03-01' })).rejects.toMatchObject({ errors: [{ field: 'to' }] });
    await expect(exportCpis(db, systemContext(NOW), { from: 'yesterday', to: '2027-03-01' })).rejects.toMatchObject({ errors: [{ field: 'from' }] });
  });
});
