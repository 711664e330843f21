import type { Queryable } from '../../db/client.js';
import { computeIndicators, type IndicatorReport } from '../../domain/indicators/indicators.js';
import type { Period } from '../../domain/indicators/period.js';
import type { IndicatorFilter } from '../../domain/indicators/records.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { recentlyComputed, type RecentlyComputed } from '../shared/recently-computed.js';
import { loadIndicatorRecords } from './load-indicators.js';

type Records = Awaited<ReturnType<typeof loadIndicatorRecords>>;

// The records behind a period's indicators are the same for every team and chair: loaded once
// for all of them, and again after any change in this process or after a minute at most. One
// cache per database, so two databases in one process (tests, tools) never share figures.
const loadedByDatabase = new WeakMap<Queryable, RecentlyComputed<{ records: Records; at: Date }>>();

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
    loaded.get(key, async () => ({ records: await loadIndicatorRecords(db, input.period, input.pack), at: input.now })),
  ]);
  return { report: computeIndicators(value.records, { period: input.period, filter: input.filter, calendar, today: input.today }), asAt: value.at };
}
