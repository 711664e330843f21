import { inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { people } from '../../db/schema/index.js';
import { allMeasures, computeIndicators, kp1, kp2, type IndicatorReport, type Measure, type MeasureItem } from '../../domain/indicators/indicators.js';
import { customPeriod, monthsOf, type Period } from '../../domain/indicators/period.js';
import type { IndicatorFilter } from '../../domain/indicators/records.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { recordAudit } from '../audit/record-audit.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { childName } from '../shared/load-records.js';
import type { ActionContext } from '../shared/action-context.js';
import { loadIndicatorFilters, loadIndicatorRecords } from './load-indicators.js';

export interface TrendPoint {
  label: string;
  from: string;
  to: string;
  icpc: { numerator: number; denominator: number; percent: number | null };
  reviews: { numerator: number; denominator: number; percent: number | null };
}

export interface TeamRow {
  teamId: string;
  team: string;
  icpc: { numerator: number; denominator: number; percent: number | null };
  reviews: { numerator: number; denominator: number; percent: number | null };
}

export interface PerformanceView {
  report: IndicatorReport;
  trend: TrendPoint[];
  byTeam: TeamRow[] | null;
  teams: { id: string; name: string }[];
  chairs: { id: string; name: string }[];
}

const figure = (m: Measure) => ({ numerator: m.numerator, denominator: m.denominator, percent: m.percent });

/**
 * The dashboard's view model: every indicator for the period and filter, the 12-month trend of
 * ICPC and review timeliness ending with the period, and (for an authority-wide view) the same
 * two figures by team. Counts only: no child is named here.
 */
export async function loadPerformance(
  db: Queryable,
  input: { period: Period; filter: IndicatorFilter; pack: PackId; today: string; byTeam: boolean },
): Promise<PerformanceView> {
  const end = Temporal.PlainDate.from(input.period.to);
  const trendFrom = end.with({ day: 1 }).subtract({ months: 11 }).toString();
  const window = customPeriod(trendFrom < input.period.from ? trendFrom : input.period.from, input.period.to);
  const [calendar, records, filters] = await Promise.all([
    workingCalendar(db),
    loadIndicatorRecords(db, window, input.pack),
    loadIndicatorFilters(db),
  ]);
  const ctx = { period: input.period, filter: input.filter, calendar, today: input.today };
  const report = computeIndicators(records, ctx);
  const trend = monthsOf({ from: trendFrom, to: input.period.to }).map((month) => {
    const c = { ...ctx, period: month };
    return { label: month.label, from: month.from, to: month.to, icpc: figure(kp1(records, c).measures[0]!), reviews: figure(kp2(records, c).measures[0]!) };
  });
  const byTeam = input.byTeam
    ? filters.teams.map((t) => {
        const c = { ...ctx, filter: { ...input.filter, teamId: t.id } };
        return { teamId: t.id, team: t.name, icpc: figure(kp1(records, c).measures[0]!), reviews: figure(kp2(records, c).measures[0]!) };
      })
    : null;
  return { report, trend, byTeam, teams: filters.teams, chairs: filters.chairs };
}

export interface DrillDownRow extends MeasureItem {
  names: { id: string; name: string }[];
}

/**
 * The children behind one figure, named. Showing them discloses each child's record, so each
 * child is audited, in one transaction with the others.
 */
export async function loadDrillDown(
  db: Queryable,
  context: ActionContext,
  input: { period: Period; filter: IndicatorFilter; pack: PackId; today: string; measureKey: string; purpose: 'view' | 'csv' },
): Promise<{ measure: Measure; rows: DrillDownRow[] } | null> {
  const [calendar, records] = await Promise.all([workingCalendar(db), loadIndicatorRecords(db, input.period, input.pack)]);
  const report = computeIndicators(records, { period: input.period, filter: input.filter, calendar, today: input.today });
  const measure = allMeasures(report).find((m) => m.key === input.measureKey);
  if (!measure) return null;
  const ids = [...measure.childIds];
  const named = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db.select().from(people).where(inArray(people.id, ids.slice(i, i + 5000)));
    for (const p of rows) named.set(p.id, childName(p));
  }
  await db.transaction(async (tx) => {
    for (const childId of ids) {
      await recordAudit(tx, context, {
        action: input.purpose === 'csv' ? 'performance-exported' : 'child-record-viewed',
        childId, recordType: 'performance-drill-down', recordId: measure.key,
        details: { measure: measure.key, from: input.period.from, to: input.period.to, ...input.filter },
      });
    }
  });
  return {
    measure,
    rows: measure.items.map((item) => ({ ...item, names: item.childIds.map((id) => ({ id, name: named.get(id) ?? 'Unknown child' })) })),
  };
}
