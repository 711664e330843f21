import type { Queryable } from '../../db/client.js';
import { computeIndicators, type IndicatorReport } from '../../domain/indicators/indicators.js';
import type { Period } from '../../domain/indicators/period.js';
import type { IndicatorFilter } from '../../domain/indicators/records.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { recentlyComputed, type RecentlyComputed } from '../shared/recently-computed.js';
import { loadIndicatorRecords } from './load-indicators.js';

type Records = Awaited<ReturnType<typeof loadIndicatorRecords>>;
type Loaded = { records: Records; at: Date; reports: Map<string, { calendar: WorkingCalendar; report: IndicatorReport }> };

// The records behind a period's indicators are the same for every team and chair: loaded once
// for all of them, and again after any change in this process or after a minute at most. One
// cache per database, so two databases in one process (tests, tools) never share figures.
const loadedByDatabase = new WeakMap<Queryable, RecentlyComputed<Loaded>>();

/**
 * KP1–KP10 for a home page's summary: as indicatorReport, from records loaded at most a minute
 * ago (or since the last change this process made), with the time they were read so the page can
 * say so. /performance always reads the records afresh.
 */
export async function recentIndicatorReport(
  db: Queryable,
  input: { period: Period; filter: IndicatorFilter; pack: PackId; today: string; now: Date },
): Promise<{ report: IndicatorReport; asAt: Date }> {
  const key = `${input.period.from}:${input.period.to}:${input.pack}`;
  let loaded = loadedByDatabase.get(db);
  if (!loaded) loadedByDatabase.set(db, (loaded = recentlyComputed({ maxAgeMs: 60_000, maxEntries: 8 })));
  const [calendar, { value }] = await Promise.all([
    workingCalendar(db),
    loaded.get(key, async () => ({ records: await loadIndicatorRecords(db, input.period, input.pack), at: input.now, reports: new Map() })),
  ]);
  // Each team's and chair's figures are worked out once from these records (a team of 5,000
  // plans took most of its manager's page doing it on every load), and go with them.
  const reportKey = `${input.filter.teamId ?? ''}:${input.filter.chairId ?? ''}:${input.filter.pack ?? ''}:${input.today}`;
  const known = value.reports.get(reportKey);
  if (known && known.calendar === calendar) return { report: known.report, asAt: value.at };
  const report = computeIndicators(value.records, { period: input.period, filter: input.filter, calendar, today: input.today });
  value.reports.set(reportKey, { calendar, report });
  return { report, asAt: value.at };
}
