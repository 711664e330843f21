import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, censusChecks, childProtectionPlans, people, users } from '../../db/schema/index.js';
import type { RoleId } from '../../policies/roles.js';
import { censusExportJob, pruneCensusChecks, startCensusExport } from './census-export-job.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { seedDemo } from '../demo/seed-demo.js';
import { systemContext } from '../shared/action-context.js';
import { exportCensus } from './export-census.js';

const NOW = new Date('2027-04-02T09:00:00Z');

describeEachEngine('the CIN census return from what staff recorded', (engine) => {
  const suite = suiteDatabase(engine);
  beforeAll(async () => {
    await seedDemo(suite.db(), { password: null, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'convene-census-')), now: new Date('2027-03-15T10:00:00Z'), pack: 'national' });
  });

  it('exports the demo authority’s year with no errors, every plan in it, and audits the export', async () => {
    const db = suite.db();
    const result = await exportCensus(db, systemContext(NOW), { referenceDate: '2027-03-31', laCode: '999', version: 'test' });
    expect(result.failures.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.children.length).toBeGreaterThan(0);
    const plans = await db.select({ plan: childProtectionPlans, child: people }).from(childProtectionPlans).innerJoin(people, eq(childProtectionPlans.childId, people.id));
    const ours = plans.filter((p) => p.plan.responsibleAuthority === null);
    expect(ours.length).toBeGreaterThan(3);
    expect(result.xml.match(/<ChildProtectionPlans>/g)?.length).toBeGreaterThanOrEqual(ours.length);
    for (const { plan, child } of ours) {
      expect(result.xml).toContain(`<LAchildID>${child.laChildId}</LAchildID>`);
      expect(result.xml).toContain(`<CPPstartDate>${plan.startDate}</CPPstartDate>`);
    }
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'census-exported')));
    expect(audit?.details).toMatchObject({ referenceDate: '2027-03-31', children: result.children.length, errors: 0 });
  });

  it('reports how far it has got: reading first, then children checked of those in the year, ending with all of them', async () => {
    const seen: [number, number | null][] = [];
    const result = await exportCensus(suite.db(), systemContext(NOW), { referenceDate: '2027-03-31', laCode: '999', version: 'test' }, (checked, total) => {
      seen.push([checked, total]);
    });
    const total = result.children.length;
    expect(seen[0]).toEqual([0, null]);
    expect(seen[1]).toEqual([0, total]);
    expect(seen.at(-1)).toEqual([total, total]);
  });

  it('keeps a check in the database for its owner for a day, then the housekeeping deletes it, report and all', async () => {
    const db = suite.db();
    const [manager, other] = await db.select().from(users).where(eq(users.active, true)).limit(2);
    const as = (u: typeof manager, now = NOW) => ({ actor: { id: u!.id, username: u!.username, displayName: u!.displayName, organisationId: u!.organisationId, teamId: u!.teamId, roles: u!.roles as RoleId[] }, requestId: null, address: 'test', now });
    const started = await startCensusExport(db, as(manager), { referenceDate: '2027-03-31', laCode: '999', version: 'test' });
    await started.settled;
    const check = await censusExportJob(db, as(manager), started.id);
    expect(check).toMatchObject({ state: 'finished', referenceDate: '2027-03-31', result: { errors: 0 } });
    expect(check?.checked).toBe(check?.total);
    expect(await censusExportJob(db, as(other), started.id)).toBeNull();
    const aDayOn = new Date(NOW.getTime() + 24 * 60 * 60 * 1000);
    expect(await censusExportJob(db, as(manager, aDayOn), started.id)).toBeNull();
    expect(await pruneCensusChecks(db, NOW)).toBe(0);
    expect(await pruneCensusChecks(db, new Date(aDayOn.getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(censusChecks).where(eq(censusChecks.id, started.id))).toEqual([]);
    const audits = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.recordId, started.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['census-check-started', 'census-check-viewed']);
  });

  it('refuses a reference date that is not 31 March, and a bad LA code, naming the field', async () => {
    const db = suite.db();
    await expect(exportCensus(db, systemContext(NOW), { referenceDate: '2027-03-30', laCode: '999', version: 't' })).rejects.toMatchObject({ errors: [{ field: 'referenceDate' }] });
    await expect(exportCensus(db, systemContext(NOW), { referenceDate: '2027-03-31', laCode: '99', version: 't' })).rejects.toMatchObject({ errors: [{ field: 'laCode' }] });
  });

  it('finds what a person got wrong: a plan start moved off its conference date is reported against that child', async () => {
    const db = suite.db();
    const [first] = await db.select({ plan: childProtectionPlans, child: people }).from(childProtectionPlans).innerJoin(people, eq(childProtectionPlans.childId, people.id)).limit(1);
    const moved = new Date(`${first!.plan.startDate}T12:00:00Z`);
    moved.setUTCDate(moved.getUTCDate() - 1);
    await db.update(childProtectionPlans).set({ startDate: moved.toISOString().slice(0, 10) }).where(eq(childProtectionPlans.id, first!.plan.id));
    const result = await exportCensus(db, systemContext(NOW), { referenceDate: '2027-03-31', laCode: '999', version: 'test' });
    expect(result.failures.some((f) => f.rule === 'C06' && f.personId === first!.child.id)).toBe(true);
  });
});
