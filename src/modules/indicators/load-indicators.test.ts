import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { runKpi } from '../../cli/commands/kpi.js';
import { auditEvents, childProtectionPlans, conferenceChildren, conferences, teams } from '../../db/schema/index.js';
import { seedDemo } from '../demo/seed-demo.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const FROM = '2025-03-01';
const TO = '2026-03-02';

interface Figures {
  empty: boolean;
  message: string | null;
  indicators: { id: string; measures: { key: string; numerator: number; denominator: number; percent: number | null; rule: string; definition: string }[] }[];
  icpcTimeliness: { count: number; bands: { count: number }[]; national: unknown[] };
}
const measureOf = (f: Figures, key: string) => f.indicators.flatMap((i) => i.measures).find((m) => m.key === key)!;

describeEachEngine('bin/convene kpi over the demo data', (engine) => {
  const suite = suiteDatabase(engine);
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-kpi-'));
    await seedDemo(suite.db(), { password: null, dataDir, now: NOW, pack: 'hertfordshire' });
  });

  it('prints every indicator as JSON, counting what the records hold, and audits the export', async () => {
    const db = suite.db();
    const result = await runKpi(db, { from: FROM, to: TO, json: true }, 'hertfordshire', NOW);
    expect(result.exitCode).toBe(0);
    const figures = JSON.parse(result.stdout) as Figures;
    expect(figures.indicators.map((i) => i.id)).toEqual(['KP1', 'KP2', 'KP3', 'KP4', 'KP5', 'KP6', 'KP7', 'KP8', 'KP9', 'KP10']);
    expect(figures.empty).toBe(false);

    const icpcChildren = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .where(and(eq(conferences.status, 'held'), inArray(conferences.kind, ['initial', 'pre-birth']), gte(conferences.heldOn, FROM), lte(conferences.heldOn, TO), eq(conferenceChildren.role, 'subject')));
    expect(icpcChildren[0]!.n).toBeGreaterThan(0);
    expect(measureOf(figures, 'KP1.icpc').denominator).toBe(icpcChildren[0]!.n);
    expect(figures.icpcTimeliness.bands.reduce((n, b) => n + b.count, 0)).toBe(figures.icpcTimeliness.count);

    const ended = await db.select({ n: sql<number>`count(*)::int` }).from(childProtectionPlans).where(and(gte(childProtectionPlans.endDate, FROM), lte(childProtectionPlans.endDate, TO)));
    expect(measureOf(figures, 'KP7.ended-2-years').denominator).toBe(ended[0]!.n);
    const started = await db.select({ n: sql<number>`count(*)::int` }).from(childProtectionPlans).where(and(gte(childProtectionPlans.startDate, FROM), lte(childProtectionPlans.startDate, TO)));
    expect(measureOf(figures, 'KP8.repeat').denominator).toBe(started[0]!.n);

    for (const m of figures.indicators.flatMap((i) => i.measures)) {
      expect(m.numerator).toBeLessThanOrEqual(m.denominator);
      expect(m.definition.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(figures)).not.toContain('childIds');

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, 'performance-exported'));
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ from: FROM, to: TO, format: 'json' })]);
  });

  it('narrows to one team by name, never counting more than the whole authority', async () => {
    const db = suite.db();
    const [team] = await db.select().from(teams).where(eq(teams.name, 'Safeguarding Team North'));
    const all = JSON.parse((await runKpi(db, { from: FROM, to: TO, json: true }, 'hertfordshire', NOW)).stdout) as Figures;
    const one = JSON.parse((await runKpi(db, { from: FROM, to: TO, json: true, team: 'safeguarding team north' }, 'hertfordshire', NOW)).stdout) as Figures & { filter: { teamId: string } };
    expect(one.filter.teamId).toBe(team!.id);
    for (const m of one.indicators.flatMap((i) => i.measures)) {
      expect(m.denominator).toBeLessThanOrEqual(measureOf(all, m.key).denominator);
    }
    const unknown = await runKpi(db, { from: FROM, to: TO, team: 'Nowhere Team' }, 'hertfordshire', NOW);
    expect([unknown.exitCode, unknown.stderr]).toEqual([2, 'No team called “Nowhere Team”.']);
  });

  it('refuses a window ending before it starts, and says when a window holds nothing', async () => {
    const db = suite.db();
    const backwards = await runKpi(db, { from: '2026-03-31', to: '2026-03-01', json: true }, 'hertfordshire', NOW);
    expect(backwards.exitCode).toBe(2);
    expect(backwards.stderr).toContain('ends (2026-03-01) before it starts (2026-03-31)');
    const empty = await runKpi(db, { from: '2010-01-01', to: '2010-12-31' }, 'hertfordshire', NOW);
    expect(empty.exitCode).toBe(0);
    expect(empty.stdout).toContain('Nothing to measure from 2010-01-01 to 2010-12-31');
  });
});
