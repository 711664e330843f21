import { isoDateOf } from '../calendar/epoch-day.js';
/**
 * The simulator's report maths, kept pure: which deadlines were visible on a work queue in time,
 * the ICPC timeliness by week, the chart, and the goals of issue 18 checked against the run.
 */

/** A deadline the run lived through: a conference's due date, with when it was in hand (if it was). */
export interface SimDeadline {
  key: string;
  recordId: string;
  rule: string;
  what: string;
  dueDate: string;
  /** The day it was in hand (booked for a date on or before it, or held), or null if never in the run. */
  metOn: string | null;
  /** Working-day mornings, up to one working day before due, on which it existed and was not yet in hand. */
  openMornings: number;
}

export interface VisibilityCheck {
  key: string;
  dueDate: string;
  /** The last morning it had to be on a queue by: one working day before it fell due. */
  seenBy: string;
  firstSeen: string | null;
  visible: boolean;
  /** Never open on a morning by then (in hand the day it arose, or arose too late to be seen): nothing to see. */
  neverOpen: boolean;
}

/**
 * Each deadline that fell due in the run (due on or before `lastDay`) and was open on at least one
 * morning up to one working day before it fell due must have been on someone's queue on one of
 * those mornings. `minusOneWorkingDay` is the working calendar's step back.
 */
export function checkVisibility(
  deadlines: readonly SimDeadline[],
  firstSeen: ReadonlyMap<string, string>,
  lastDay: string,
  minusOneWorkingDay: (day: string) => string,
): VisibilityCheck[] {
  const out: VisibilityCheck[] = [];
  for (const d of deadlines) {
    if (d.dueDate > lastDay) continue;
    const seenBy = minusOneWorkingDay(d.dueDate);
    const seen = firstSeen.get(d.key) ?? null;
    const neverOpen = d.openMornings === 0;
    out.push({ key: d.key, dueDate: d.dueDate, seenBy, firstSeen: seen, visible: neverOpen || (seen !== null && seen <= seenBy), neverOpen });
  }
  return out;
}

export type BreachCause = 'capacity' | 'late-action' | 'rearranged';

export interface Breach {
  recordId: string;
  rule: string;
  what: string;
  dueDate: string;
  /** When it was met (held), or null: still not met at the end of the run. */
  metOn: string | null;
  cause: BreachCause;
  /** A service manager authorised the later date (TS30). */
  authorised: boolean;
  /** The reason recorded on the record for the lateness, if any (authorisation, rearrangement). */
  recordedReason: string | null;
  explanation: string;
}

/** What the simulator knows of one conference when the run ends. */
export interface ConferenceOutcome {
  label: string;
  kind: 'initial' | 'review' | 'reconvened';
  rule: string | null;
  dueDate: string | null;
  heldOn: string | null;
  /** No on-time slot was free when business support came to book it. */
  capacity: boolean;
  /** The reasons given for a later date a service manager authorised (TS30). */
  authorisation: string | null;
  rearrangedReason: string | null;
  bookedOnTime: boolean | null;
}

/**
 * Every conference that fell due in the run and was not held by its due date, with its cause:
 * capacity (no on-time slot when booking), a rearrangement of an on-time booking, or otherwise a
 * late action (someone acted too late for an on-time date), and the reason on record, if any.
 */
export function breachesOf(conferences: readonly ConferenceOutcome[], lastDay: string): Breach[] {
  const out: Breach[] = [];
  for (const c of conferences) {
    if (!c.dueDate || c.dueDate > lastDay) continue;
    if (c.heldOn && c.heldOn <= c.dueDate) continue;
    const cause: BreachCause = c.capacity ? 'capacity' : c.rearrangedReason && c.bookedOnTime ? 'rearranged' : 'late-action';
    out.push({
      recordId: c.label, rule: c.rule ?? '', what: `${{ initial: 'Initial', review: 'Review', reconvened: 'Reconvened' }[c.kind]} conference`, dueDate: c.dueDate, metOn: c.heldOn,
      cause, authorised: c.authorisation !== null, recordedReason: c.authorisation ?? c.rearrangedReason,
      explanation: c.heldOn ? `held ${c.heldOn}, after its due date ${c.dueDate}` : `not held by the end of the run (due ${c.dueDate})`,
    });
  }
  return out;
}

export interface WeekPoint {
  weekStart: string;
  held: number;
  within15: number;
  percent: number | null;
}

/** ICPC timeliness by week (weeks start on the Monday on or before `from`), from each child's working days. */
export function weeklyTimeliness(
  items: readonly { heldOn: string; workingDays: number }[],
  from: string,
  days: number,
): WeekPoint[] {
  const start = mondayOnOrBefore(from);
  const weeks = Math.ceil((dayNumber(from) - dayNumber(start) + days) / 7);
  const points: WeekPoint[] = Array.from({ length: weeks }, (_, i) => ({ weekStart: dateOf(dayNumber(start) + i * 7), held: 0, within15: 0, percent: null }));
  for (const item of items) {
    const i = Math.floor((dayNumber(item.heldOn) - dayNumber(start)) / 7);
    const p = points[i];
    if (!p) continue;
    p.held += 1;
    if (item.workingDays <= 15) p.within15 += 1;
  }
  for (const p of points) p.percent = p.held === 0 ? null : Math.round((1000 * p.within15) / p.held) / 10;
  return points;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain SVG line chart: the authority's weekly % of ICPCs within 15 working days against the national line. */
export function timelinessSvg(points: readonly WeekPoint[], national: { label: string; percent: number }, title: string): string {
  const width = 760;
  const height = 320;
  const left = 50;
  const right = 20;
  const top = 40;
  const bottom = 50;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (pct: number) => top + plotH - (pct / 100) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`);
  parts.push(`<title>${escapeXml(title)}</title>`);
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="24" font-family="Arial, sans-serif" font-size="16" fill="#0b0c0c">${escapeXml(title)}</text>`);
  for (const pct of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${left}" y1="${y(pct)}" x2="${width - right}" y2="${y(pct)}" stroke="#b1b4b6" stroke-width="1"/>`);
    parts.push(`<text x="${left - 8}" y="${y(pct) + 4}" text-anchor="end" font-family="Arial, sans-serif" font-size="12" fill="#0b0c0c">${pct}%</text>`);
  }
  parts.push(`<line x1="${left}" y1="${y(national.percent)}" x2="${width - right}" y2="${y(national.percent)}" stroke="#d4351c" stroke-width="2" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${width - right}" y="${y(national.percent) - 6}" text-anchor="end" font-family="Arial, sans-serif" font-size="12" fill="#d4351c">${escapeXml(national.label)} ${national.percent}%</text>`);
  let path = '';
  points.forEach((p, i) => {
    if (p.percent === null) return;
    path += `${path === '' || points[i - 1]?.percent === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.percent).toFixed(1)} `;
  });
  if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="#1d70b8" stroke-width="2"/>`);
  points.forEach((p, i) => {
    if (p.percent !== null) parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.percent).toFixed(1)}" r="3" fill="#1d70b8"><title>Week of ${p.weekStart}: ${p.within15} of ${p.held} within 15 working days</title></circle>`);
  });
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    if (i % labelEvery === 0) parts.push(`<text x="${x(i).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle" font-family="Arial, sans-serif" font-size="11" fill="#0b0c0c">${p.weekStart}</text>`);
  });
  parts.push(`<text x="${left}" y="${height - 10}" font-family="Arial, sans-serif" font-size="12" fill="#1d70b8">Blue: this authority, % of children at an ICPC within 15 working days of the section 47 start, by week held</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export interface Goal {
  id: 'visible-before-due' | 'no-unexplained-breach' | 'icpc-within-15';
  description: string;
  met: boolean;
  /** Not judged (e.g. no ICPC held, or capacity did not allow it). */
  applicable: boolean;
  detail: string;
}

export function checkGoals(input: {
  visibility: readonly VisibilityCheck[];
  breaches: readonly Breach[];
  icpcHeld: number;
  icpcWithin15: number;
  /** ICPC breaches caused by chair or room capacity: when there are any, capacity did not allow 98%. */
  capacityBreaches: number;
}): Goal[] {
  const invisible = input.visibility.filter((v) => !v.visible);
  const unexplained = input.breaches.filter((b) => !b.authorised && !b.recordedReason);
  const pct = input.icpcHeld === 0 ? null : Math.round((1000 * input.icpcWithin15) / input.icpcHeld) / 10;
  const capacityAllows = input.capacityBreaches === 0;
  return [
    {
      id: 'visible-before-due',
      description: '100% of deadlines visible on a work queue at least one working day before due',
      met: invisible.length === 0,
      applicable: true,
      detail: `${input.visibility.length - invisible.length} of ${input.visibility.length} visible in time${invisible.length ? `; not in time: ${invisible.map((v) => `${v.key} (due ${v.dueDate})`).join(', ')}` : ''}`,
    },
    {
      id: 'no-unexplained-breach',
      description: '0 breaches without a recorded reason or authorisation',
      met: unexplained.length === 0,
      applicable: true,
      detail: `${input.breaches.length} breach${input.breaches.length === 1 ? '' : 'es'}, ${unexplained.length} without a recorded reason or authorisation`,
    },
    {
      id: 'icpc-within-15',
      description: 'ICPCs within 15 working days ≥ 98% whenever chair capacity allows',
      met: pct === null || !capacityAllows || pct >= 98,
      applicable: pct !== null && capacityAllows,
      detail: pct === null ? 'no ICPC held in the run' : `${input.icpcWithin15} of ${input.icpcHeld} (${pct}%)${capacityAllows ? '' : `; capacity did not allow it (${input.capacityBreaches} capacity breaches), so not judged`}`,
    },
  ];
}

// ---- plain ISO date arithmetic (UTC day numbers), enough for week buckets ----

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function dateOf(day: number): string {
  return isoDateOf(day);
}

function mondayOnOrBefore(iso: string): string {
  const n = dayNumber(iso);
  const weekday = (n + 3) % 7; // 1970-01-01 was a Thursday: Monday = 0
  return dateOf(n - weekday);
}
