import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { exportCensus } from '../census/export-census.js';
import { systemContext } from '../shared/action-context.js';
import { defaultReferrals, generateCasesYear } from './cases-year.js';

describeEachEngine('a generated population with its casework made by the real actions', (engine) => {
  const suite = suiteDatabase(engine);

  it('500 people and 60 days of referrals, section 47s, conferences and plans export to the census with no errors', async () => {
    const db = suite.db();
    const { imported, simulation } = await generateCasesYear(db, { people: 500, seed: 7, pack: 'national', from: '2026-04-01', days: 60, referrals: 70, chairs: 2, rooms: 1 });
    expect(imported.created).toBe(500);
    expect(imported.plansStarted).toBe(0); // every plan comes from a conference
    expect(simulation.refusals).toEqual([]);
    expect(simulation.counts.section47).toBeGreaterThan(0);
    expect(simulation.counts.plansStarted).toBeGreaterThan(0);
    // Every referral was about a child of the population: no child was made up for one.
    const made = ((await db.execute(sql`select count(*)::int as made from people where external_ref is null and kind = 'child'`)) as unknown as { rows: { made: number }[] }).rows[0]!.made;
    expect(made).toBe(0);
    const census = await exportCensus(db, systemContext(new Date('2027-04-02T09:00:00Z')), { referenceDate: '2027-03-31', laCode: '999', version: 'test' });
    expect(census.failures.filter((f) => f.severity === 'error')).toEqual([]);
    expect(census.children.length).toBe(simulation.counts.referrals);
    expect(census.xml.match(/<ChildProtectionPlans>/g)?.length).toBe(simulation.counts.plansStarted);
  }, 600_000);

  it('sizes the year’s referrals to the population at England’s rate', () => {
    expect(defaultReferrals(50_000, 365)).toBe(1226);
  });
});
