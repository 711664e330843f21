import type { Queryable } from '../../db/client.js';
import { computeIndicators, type IndicatorReport } from '../../domain/indicators/indicators.js';
import type { Period } from '../../domain/indicators/period.js';
import type { IndicatorFilter } from '../../domain/indicators/records.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { loadIndicatorRecords } from './load-indicators.js';

/** Loads what the period needs and computes KP1–KP10 for it. */
export async function indicatorReport(
  db: Queryable,
  input: { period: Period; filter: IndicatorFilter; pack: PackId; today: string },
): Promise<IndicatorReport> {
  const [calendar, records] = await Promise.all([workingCalendar(db), loadIndicatorRecords(db, input.period, input.pack)]);
  return computeIndicators(records, { period: input.period, filter: input.filter, calendar, today: input.today });
}

/** The figures alone, without the children behind them: what the command line prints. */
export function indicatorFigures(report: IndicatorReport) {
  return {
    period: report.period,
    filter: report.filter,
    empty: report.empty,
    message: report.empty ? `Nothing to measure from ${report.period.from} to ${report.period.to}: no conference, plan or report falls in this window.` : null,
    indicators: report.indicators.map((i) => ({
      id: i.id,
      title: i.title,
      rules: i.rules,
      measures: i.measures.map((m) => ({
        key: m.key, title: m.title, rule: m.rule, definition: m.definition,
        numerator: m.numerator, denominator: m.denominator, percent: m.percent, note: m.note,
        numeratorLabel: m.numeratorLabel, denominatorLabel: m.denominatorLabel,
      })),
    })),
    icpcTimeliness: {
      count: report.icpcTimeliness.count,
      bands: report.icpcTimeliness.bands,
      within15: report.icpcTimeliness.within15,
      within15Percent: report.icpcTimeliness.within15Percent,
      medianWorkingDays: report.icpcTimeliness.medianWorkingDays,
      withoutS47: report.icpcTimeliness.withoutS47,
      national: report.icpcTimeliness.national,
    },
  };
}
