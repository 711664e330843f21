import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { inPeriod, type Period } from './period.js';
import type { IndicatorFilter, IndicatorRecords } from './records.js';

/**
 * ICPC timeliness as the Department for Education measures it (CENSUS.md, "How the Department
 * measures timeliness"): for each child whose initial conference was held in the period, the
 * working days from S47ActualStartDate to DateOfInitialCPC, banded 0–10, 11–15, 16–20, 21+.
 */
export const ICPC_BANDS = [
  { key: '0-10', label: '0 to 10 working days', min: 0, max: 10 },
  { key: '11-15', label: '11 to 15 working days', min: 11, max: 15 },
  { key: '16-20', label: '16 to 20 working days', min: 16, max: 20 },
  { key: '21+', label: '21 working days or more', min: 21, max: Number.POSITIVE_INFINITY },
] as const;

export type IcpcBandKey = (typeof ICPC_BANDS)[number]['key'];

/** The national comparison lines the issue and CENSUS.md give, to read the authority's figure against. */
export const NATIONAL_ICPC_LINES = [
  { year: 2023, icpcs: 74_380, within15Percent: 78.4, medianWorkingDays: 14 },
  { year: 2025, icpcs: 72_100, within15Percent: 81.4, medianWorkingDays: 14 },
] as const;

/** England 2025: plans ending that had lasted 2 years or more (of 62,300 ended). */
export const NATIONAL_PLANS_ENDED_2_YEARS = { year: 2025, percent: 4.4, plansEnded: 62_300 } as const;

export interface IcpcTimelinessItem {
  readonly childId: string;
  readonly conferenceId: string;
  readonly s47StartedOn: string;
  readonly heldOn: string;
  readonly workingDays: number;
  readonly band: IcpcBandKey;
}

export interface IcpcTimeliness {
  readonly count: number;
  readonly bands: readonly { key: IcpcBandKey; label: string; count: number; percent: number | null }[];
  readonly within15: number;
  readonly within15Percent: number | null;
  readonly medianWorkingDays: number | null;
  /** Children at an initial conference with no section 47 start recorded (e.g. a transfer-in): not counted. */
  readonly withoutS47: number;
  readonly items: readonly IcpcTimelinessItem[];
  readonly national: typeof NATIONAL_ICPC_LINES;
}

export function bandOf(workingDays: number): IcpcBandKey {
  return ICPC_BANDS.find((b) => workingDays >= b.min && workingDays <= b.max)!.key;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

export function icpcTimeliness(
  records: IndicatorRecords,
  ctx: { period: Pick<Period, 'from' | 'to'>; filter?: IndicatorFilter | undefined; calendar: WorkingCalendar },
): IcpcTimeliness {
  const filter = ctx.filter ?? {};
  const items: IcpcTimelinessItem[] = [];
  let withoutS47 = 0;
  for (const c of records.conferences) {
    if (c.status !== 'held' || !inPeriod(ctx.period, c.heldOn)) continue;
    if (c.kind !== 'initial' && c.kind !== 'pre-birth') continue;
    if (filter.pack !== undefined && c.pack !== filter.pack) continue;
    if (filter.chairId !== undefined && c.chairId !== filter.chairId) continue;
    for (const s of c.subjects) {
      if (filter.teamId !== undefined && s.teamId !== filter.teamId) continue;
      if (!s.s47StartedOn || s.s47StartedOn > c.heldOn) {
        withoutS47 += 1;
        continue;
      }
      const workingDays = ctx.calendar.workingDaysBetween(Temporal.PlainDate.from(s.s47StartedOn), Temporal.PlainDate.from(c.heldOn));
      items.push({ childId: s.childId, conferenceId: c.id, s47StartedOn: s.s47StartedOn, heldOn: c.heldOn, workingDays, band: bandOf(workingDays) });
    }
  }
  items.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.workingDays - b.workingDays));
  const within15 = items.filter((i) => i.workingDays <= 15).length;
  return {
    count: items.length,
    bands: ICPC_BANDS.map((b) => {
      const count = items.filter((i) => i.band === b.key).length;
      return { key: b.key, label: b.label, count, percent: pct(count, items.length) };
    }),
    within15,
    within15Percent: pct(within15, items.length),
    medianWorkingDays: median(items.map((i) => i.workingDays)),
    withoutS47,
    items,
    national: NATIONAL_ICPC_LINES,
  };
}
