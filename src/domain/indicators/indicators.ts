import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, deadlineState, DeadlineInputError, NotApplicableError, type Deadline } from '../deadlines/index.js';
import { reportDeadlines } from '../reports/report-deadlines.js';
import type { PackId } from '../packs/pack-id.js';
import { inPeriod, type Period } from './period.js';
import type { ConferenceFact, ConferenceSubject, IndicatorFilter, IndicatorRecords, PlanFact } from './records.js';
import { icpcTimeliness, type IcpcTimeliness } from './icpc-timeliness.js';
import { INDICATOR_DEFINITIONS, indicatorTitle, type IndicatorDefinition, type IndicatorId, type MeasureName } from './definitions.js';

/** One thing counted: a child's conference, a review that fell due, a report … and whether it was on time. */
export interface MeasureItem {
  readonly childIds: readonly string[];
  /** The date that placed it in the period (held, due, started, ended). */
  readonly date: string;
  readonly met: boolean;
  readonly detail: string;
  readonly conferenceId?: string;
  readonly planId?: string;
}

export interface Measure {
  /** Stable key, e.g. 'KP1.icpc'. */
  readonly key: string;
  readonly indicator: string;
  readonly title: string;
  /** The rule the measure checks (TS1, TS5 …). */
  readonly rule: string;
  readonly definition: string;
  readonly numeratorLabel: string;
  readonly denominatorLabel: string;
  readonly numerator: number;
  readonly denominator: number;
  /** Numerator as a percentage of the denominator, one decimal; null when nothing was counted. */
  readonly percent: number | null;
  /** A figure to read beside the percentage (days late, reasons …), or null. */
  readonly note: string | null;
  readonly items: readonly MeasureItem[];
  /** Every child behind the denominator, each once. */
  readonly childIds: readonly string[];
}

export interface Indicator {
  readonly id: string;
  readonly title: string;
  readonly rules: readonly string[];
  readonly measures: readonly Measure[];
}

export interface IndicatorContext {
  readonly period: Period;
  readonly filter?: IndicatorFilter | undefined;
  readonly calendar: WorkingCalendar;
  /** Today: anything falling due after it is not yet counted. */
  readonly today: string;
}

export interface IndicatorReport {
  readonly period: Period;
  readonly filter: IndicatorFilter;
  readonly indicators: readonly Indicator[];
  readonly icpcTimeliness: IcpcTimeliness;
  /** True when no measure counted anything in the period. */
  readonly empty: boolean;
}

const ICPC_KINDS = new Set(['initial', 'pre-birth']);
const REVIEW_KINDS = new Set(['review', 'designated-review']);

export function percentOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((1000 * numerator) / denominator) / 10;
}

/** One measure's figures from the items it counted, sorted by date, each child named once. */
function measure(
  base: Omit<Measure, 'numerator' | 'denominator' | 'percent' | 'childIds' | 'items' | 'note'>,
  items: MeasureItem[],
  note: string | null,
): Measure {
  const numerator = items.filter((i) => i.met).length;
  const sorted = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    ...base,
    numerator,
    denominator: items.length,
    percent: percentOf(numerator, items.length),
    note,
    items: sorted,
    childIds: [...new Set(sorted.flatMap((i) => i.childIds))],
  };
}

/**
 * An indicator as the report shows it: its words from INDICATOR_DEFINITIONS, and for each of its
 * measures the items counted (and a note to read beside the figure, where there is one).
 */
function indicator<I extends IndicatorId>(
  id: I,
  counted: Readonly<Record<MeasureName<I>, MeasureItem[]>>,
  notes: Partial<Readonly<Record<MeasureName<I>, string | null>>> = {},
): Indicator {
  const { rules, measures }: IndicatorDefinition = INDICATOR_DEFINITIONS[id];
  return {
    id,
    title: indicatorTitle(id),
    rules,
    measures: measures.map((m) => {
      const name = m.name as MeasureName<I>;
      const base = { key: `${id}.${m.name}`, indicator: id, rule: m.rule, title: m.title, definition: m.definition, numeratorLabel: m.numeratorLabel, denominatorLabel: m.denominatorLabel };
      return measure(base, counted[name], notes[name] ?? null);
    }),
  };
}

function dueText(d: Deadline): string {
  return d.due.kind === 'date' ? d.due.date : d.due.dateTime;
}

/**
 * Deadlines by their inputs: thousands of plans share a few hundred start, review and visit dates,
 * and a deadline depends on nothing else, so each distinct one is computed once per calendar.
 */
const deadlineCache = new WeakMap<WorkingCalendar, Map<string, Deadline | null>>();

type DeadlineAsked = Omit<Parameters<typeof computeDeadline>[0], 'from'> & {
  /** An ISO date, or a London date-time 'YYYY-MM-DDTHH:MM' where the rule counts hours. */
  readonly from: string;
};

function tryDeadline(input: DeadlineAsked): Deadline | null {
  let cache = deadlineCache.get(input.calendar);
  if (!cache) {
    cache = new Map();
    deadlineCache.set(input.calendar, cache);
  }
  const key = `${input.ruleId}|${input.pack}|${input.from}|${input.intervalWeeks ?? ''}|${input.conferenceType ?? ''}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let result: Deadline | null;
  try {
    const from = input.from.length > 10 ? Temporal.PlainDateTime.from(input.from) : Temporal.PlainDate.from(input.from);
    result = computeDeadline({ ...input, from });
  } catch (error) {
    if (!(error instanceof NotApplicableError || error instanceof DeadlineInputError)) throw error;
    result = null;
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * TS24 as visitBreaches works it out (src/domain/plans/visits.ts), with each due date from the
 * cache: every gap in which the child went unseen beyond the frequency, up to `until`.
 */
function visitGaps(p: PlanFact, visits: readonly { visitedOn: string; childSeen: boolean }[], until: string, calendar: WorkingCalendar): { dueBy: string; seenOn: string | null; daysLate: number }[] {
  const due = (from: string) => {
    const d = tryDeadline({ ruleId: 'TS24', pack: p.pack, from, calendar, intervalWeeks: p.visitFrequencyWeeks ?? undefined });
    return d ? dueText(d) : null;
  };
  const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  const seen = visits.filter((v) => v.childSeen).map((v) => v.visitedOn).sort();
  const gaps: { dueBy: string; seenOn: string | null; daysLate: number }[] = [];
  let from = p.startDate;
  for (const on of seen) {
    const d = due(from);
    if (d === null) return [];
    if (on > d) gaps.push({ dueBy: d, seenOn: on, daysLate: days(d, on) });
    from = on;
  }
  const last = due(from);
  if (last === null) return [];
  if (until > last) gaps.push({ dueBy: last, seenOn: null, daysLate: days(last, until) });
  return gaps;
}

/** Whether something done at `at` (date or London date-time) met a due date or date-time. */
function onTime(at: string, due: string): boolean {
  if (due.length === 10) return at.slice(0, 10) <= due;
  return (at.length === 10 ? `${at}T00:00` : at.slice(0, 16)) <= due.slice(0, 16);
}

/** The same day-of-month N months on (the last day of the month where it does not exist), as Temporal adds months. */
function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const d = Math.min(Number(day.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function addYears(day: string, years: number): string {
  return addMonths(day, 12 * years);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// ---------------------------------------------------------------- filters

function packMatches(filter: IndicatorFilter, pack: PackId): boolean {
  return filter.pack === undefined || filter.pack === pack;
}

/** The conference's subjects that fall under the filter (all of them, or those of the team). */
export function subjectsInScope(c: ConferenceFact, filter: IndicatorFilter): ConferenceSubject[] {
  if (!packMatches(filter, c.pack)) return [];
  if (filter.chairId !== undefined && c.chairId !== filter.chairId) return [];
  return c.subjects.filter((s) => filter.teamId === undefined || s.teamId === filter.teamId);
}

export function planInScope(p: PlanFact, filter: IndicatorFilter): boolean {
  return (
    packMatches(filter, p.pack) &&
    (filter.teamId === undefined || p.teamId === filter.teamId) &&
    (filter.chairId === undefined || p.chairId === filter.chairId)
  );
}

function heldIn(c: ConferenceFact, period: Period): boolean {
  return c.status === 'held' && inPeriod(period, c.heldOn);
}

/** The conferences held in the period, each with those of its subject children the filter takes in (at least one). */
function heldWithSubjects(records: IndicatorRecords, ctx: IndicatorContext): { c: ConferenceFact; subjects: ConferenceSubject[] }[] {
  const filter = ctx.filter ?? {};
  return records.conferences
    .filter((c) => heldIn(c, ctx.period))
    .map((c) => ({ c, subjects: subjectsInScope(c, filter) }))
    .filter(({ subjects }) => subjects.length > 0);
}

// ---------------------------------------------------------------- KP1

/** KP1: initial conferences held by their due date (TS1, TS3 for pre-birth), and transfer-ins by TS2. */
export function kp1(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const filter = ctx.filter ?? {};
  const icpc: MeasureItem[] = [];
  const transfer: MeasureItem[] = [];
  const lateDays: number[] = [];
  for (const c of records.conferences) {
    if (!heldIn(c, ctx.period) || !c.dueDate) continue;
    const kindIsIcpc = ICPC_KINDS.has(c.kind);
    if (!kindIsIcpc && c.kind !== 'transfer-in') continue;
    const held = c.heldOn!;
    const met = held <= c.dueDate;
    const late = met ? 0 : ctx.calendar.workingDaysBetween(Temporal.PlainDate.from(c.dueDate), Temporal.PlainDate.from(held));
    for (const s of subjectsInScope(c, filter)) {
      const detail = met ? `Held ${held}, due by ${c.dueDate}` : `Held ${held}, ${late} working day${late === 1 ? '' : 's'} after the due date ${c.dueDate}`;
      const item = { childIds: [s.childId], date: held, met, detail, conferenceId: c.id };
      if (kindIsIcpc) {
        icpc.push(item);
        if (!met) lateDays.push(late);
      } else transfer.push(item);
    }
  }
  return indicator('KP1', { icpc, 'transfer-in': transfer }, {
    icpc: lateDays.length === 0 ? null : `${lateDays.length} late, by a median of ${median(lateDays)} working days (longest ${Math.max(...lateDays)})`,
  });
}

// ---------------------------------------------------------------- KP2

function sortedDates<T extends { heldOn: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
}

/**
 * KP2: every review that fell due in the period (the first within 3 months of the plan's start,
 * TS5; each later one within 6 months of the previous review, TS6), and whether it was held in
 * time. A review due after today, not yet held, is not counted yet; one due after the plan ended is
 * not counted at all.
 */
export function kp2(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const filter = ctx.filter ?? {};
  const items: MeasureItem[] = [];
  for (const p of records.plans) {
    if (!planInScope(p, filter) || p.startDate > ctx.period.to) continue;
    const reviews = sortedDates(p.reviews);
    let from = p.startDate;
    let rule: 'TS5' | 'TS6' = 'TS5';
    for (let n = 1; n < 200; n += 1) {
      const d = tryDeadline({ ruleId: rule, pack: p.pack, from, calendar: ctx.calendar });
      if (!d) break;
      const due = dueText(d);
      if (p.endDate && p.endDate < due) break;
      const next = reviews.find((r) => r.heldOn > from);
      if (inPeriod(ctx.period, due) && (due < ctx.today || next)) {
        const met = next !== undefined && next.heldOn <= due;
        items.push({
          childIds: [p.childId], date: due, met, planId: p.id,
          detail: `Review ${n} (${rule}) due by ${due}: ${next ? `held ${next.heldOn}` : 'not held'}`,
        });
      }
      if (!next || due > ctx.period.to) break;
      from = next.heldOn;
      rule = 'TS6';
    }
  }
  return indicator('KP2', { reviews: items });
}

// ---------------------------------------------------------------- KP3

/** KP3: first core groups within TS8 of the plan's start; each later one within the TS9 interval set at the last. */
export function kp3(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const filter = ctx.filter ?? {};
  const first: MeasureItem[] = [];
  const later: MeasureItem[] = [];
  for (const p of records.plans) {
    if (!planInScope(p, filter) || p.startDate > ctx.period.to) continue;
    const groups = sortedDates(p.coreGroups.filter((g) => g.heldOn >= p.startDate));
    const d = tryDeadline({ ruleId: 'TS8', pack: p.pack, from: p.startDate, calendar: ctx.calendar });
    if (d) {
      const due = dueText(d);
      const held = groups[0];
      if (inPeriod(ctx.period, due) && !(p.endDate && p.endDate < due) && (due < ctx.today || held)) {
        first.push({
          childIds: [p.childId], date: due, met: held !== undefined && held.heldOn <= due, planId: p.id,
          detail: `First core group due by ${due}: ${held ? `held ${held.heldOn}` : 'not held'}`,
        });
      }
    }
    groups.forEach((g, i) => {
      const dl = tryDeadline({
        ruleId: 'TS9', pack: p.pack, from: g.heldOn, calendar: ctx.calendar,
        intervalWeeks: g.nextIntervalWeeks ?? undefined,
      });
      if (!dl) return;
      const due = dueText(dl);
      const next = groups[i + 1];
      if (!inPeriod(ctx.period, due) || (p.endDate && p.endDate < due) || (due >= ctx.today && !next)) return;
      later.push({
        childIds: [p.childId], date: due, met: next !== undefined && next.heldOn <= due, planId: p.id,
        detail: `Core group after ${g.heldOn} due by ${due}: ${next ? `held ${next.heldOn}` : 'not held'}`,
      });
    });
  }
  return indicator('KP3', { first, later });
}

// ---------------------------------------------------------------- KP4

function conferenceFrom(c: ConferenceFact): string {
  if (c.scheduledStart && c.scheduledStart.slice(0, 10) === c.heldOn) return c.scheduledStart.slice(0, 16);
  return c.heldOn!;
}

/** KP4: decisions circulated within TS10 and the record within TS11 of the conference. */
export function kp4(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const decisions: MeasureItem[] = [];
  const recordsSent: MeasureItem[] = [];
  for (const { c, subjects } of heldWithSubjects(records, ctx)) {
    const childIds = subjects.map((s) => s.childId);
    const pairs: [string, string | null, MeasureItem[], string][] = [
      ['TS10', c.decisionsFirstSentAt, decisions, 'Decisions'],
      ['TS11', c.recordFirstSentAt, recordsSent, 'Record'],
    ];
    for (const [ruleId, sentAt, list, what] of pairs) {
      const d = tryDeadline({ ruleId, pack: c.pack, from: conferenceFrom(c), calendar: ctx.calendar });
      if (!d) continue;
      const due = dueText(d);
      if (!sentAt && due.slice(0, 10) >= ctx.today) continue;
      list.push({
        childIds, date: c.heldOn!, met: sentAt !== null && onTime(sentAt, due), conferenceId: c.id,
        detail: `${what} due by ${due.replace('T', ' ')}: ${sentAt ? `sent ${sentAt.replace('T', ' ')}` : 'not sent'}`,
      });
    }
  }
  return indicator('KP4', { decisions, record: recordsSent });
}

// ---------------------------------------------------------------- KP5

/** KP5: reports that reached the chair (TS12, TS14) and the parents (TS13, TS15) in time, for conferences held in the period. */
export function kp5(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const filter = ctx.filter ?? {};
  const byId = new Map(records.conferences.map((c) => [c.id, c]));
  const toChair: MeasureItem[] = [];
  const toFamily: MeasureItem[] = [];
  const now = Temporal.PlainDate.from(ctx.today).toPlainDateTime({ hour: 23, minute: 59 });
  for (const r of records.reports) {
    if (r.kind !== 'social-work' && r.kind !== 'agency') continue;
    const c = byId.get(r.conferenceId);
    if (!c || !heldIn(c, ctx.period) || !c.scheduledStart) continue;
    const subjects = new Set(subjectsInScope(c, filter).map((s) => s.childId));
    const childIds = r.childIds.filter((id) => subjects.has(id));
    if (childIds.length === 0) continue;
    const deadlines = reportDeadlines({
      kind: r.kind, pack: c.pack, conferenceType: REVIEW_KINDS.has(c.kind) ? 'review' : 'initial',
      conferenceStart: Temporal.PlainDateTime.from(c.scheduledStart.slice(0, 16)), calendar: ctx.calendar, familyNeedsTime: false,
    });
    const what = r.kind === 'social-work' ? 'Social work report' : 'Agency report';
    const pairs: [Deadline | null, string | null, MeasureItem[], string][] = [
      [deadlines.toChair, r.submittedAt, toChair, 'to the chair'],
      [deadlines.toFamily, r.firstSharedAt, toFamily, 'shared with the family'],
    ];
    for (const [d, at, list, how] of pairs) {
      if (!d) continue;
      const state = deadlineState(d, now, at ? Temporal.PlainDateTime.from(at.slice(0, 16)) : null, ctx.calendar).state;
      if (state !== 'met' && state !== 'met-late' && state !== 'overdue') continue;
      list.push({
        childIds, date: c.heldOn!, met: state === 'met', conferenceId: c.id,
        detail: `${what} ${how}: due by ${dueText(d).replace('T', ' ')}, ${at ? at.replace('T', ' ') : 'never'}`,
      });
    }
  }
  return indicator('KP5', { chair: toChair, family: toFamily });
}

// ---------------------------------------------------------------- KP6

/** KP6: per child on a plan during the period, whether every statutory visit due in it was made with the child seen (TS24). */
export function kp6(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const filter = ctx.filter ?? {};
  const items: MeasureItem[] = [];
  const until = ctx.period.to < ctx.today ? ctx.period.to : ctx.today;
  for (const p of records.plans) {
    if (!planInScope(p, filter) || p.startDate > until || (p.endDate && p.endDate < ctx.period.from)) continue;
    const end = p.endDate && p.endDate < until ? p.endDate : until;
    const visits = p.visits.filter((v) => v.visitedOn <= end);
    // A child late for a visit at any time in the period counts, including one still not seen
    // since a visit fell due before it began (otherwise a child unseen for months reads as on time).
    const breaches = visitGaps(p, visits, end, ctx.calendar).filter((b) => b.dueBy < end && (b.seenOn === null || b.seenOn > ctx.period.from));
    const anyDue = p.visitFrequencyWeeks !== null || breaches.length > 0;
    if (!anyDue) continue;
    items.push({
      childIds: [p.childId], date: p.startDate, met: breaches.length === 0, planId: p.id,
      detail: breaches.length === 0
        ? 'Seen within the visit frequency throughout the period'
        : breaches.map((b) => `due by ${b.dueBy}, ${b.seenOn ? `seen ${b.seenOn}` : `not seen by ${end}`} (${b.daysLate} day${b.daysLate === 1 ? '' : 's'} late)`).join('; '),
    });
  }
  return indicator('KP6', { visits: items });
}

// ---------------------------------------------------------------- KP7

/** KP7: plans that ended after 21 months or 2 years; plans still open at 21 months; designated reviews (TS7). */
export function kp7(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const filter = ctx.filter ?? {};
  const ended21: MeasureItem[] = [];
  const ended24: MeasureItem[] = [];
  const open21: MeasureItem[] = [];
  const designated: MeasureItem[] = [];
  const atEnd = ctx.period.to < ctx.today ? ctx.period.to : ctx.today;
  for (const p of records.plans) {
    if (!planInScope(p, filter)) continue;
    if (inPeriod(ctx.period, p.endDate)) {
      const base = { childIds: [p.childId], date: p.endDate, planId: p.id };
      const months21 = p.endDate >= addMonths(p.startDate, 21);
      const years2 = p.endDate >= addYears(p.startDate, 2);
      ended21.push({ ...base, met: months21, detail: `Plan ${p.startDate} to ${p.endDate}` });
      ended24.push({ ...base, met: years2, detail: `Plan ${p.startDate} to ${p.endDate}` });
    }
    if (p.startDate <= atEnd && (!p.endDate || p.endDate > atEnd)) {
      open21.push({ childIds: [p.childId], date: p.startDate, planId: p.id, met: atEnd >= addMonths(p.startDate, 21), detail: `On a plan since ${p.startDate}` });
    }
    const fourth = sortedDates(p.reviews)[3];
    if (fourth && inPeriod(ctx.period, fourth.heldOn) && tryDeadline({ ruleId: 'TS7', pack: p.pack, from: p.startDate, calendar: ctx.calendar })) {
      designated.push({
        childIds: [p.childId], date: fourth.heldOn, planId: p.id, met: fourth.kind === 'designated-review',
        detail: `4th review held ${fourth.heldOn} as ${fourth.kind === 'designated-review' ? 'a designated review' : 'an ordinary review'}`,
      });
    }
  }
  return indicator('KP7', { 'ended-2-years': ended24, 'ended-21-months': ended21, 'open-21-months': open21, designated });
}

// ---------------------------------------------------------------- KP8

/** KP8: plans starting in the period that are a second or later plan, and those within 2 years of the last one ending. */
export function kp8(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const filter = ctx.filter ?? {};
  const repeat: MeasureItem[] = [];
  const within2: MeasureItem[] = [];
  const byChild = new Map<string, PlanFact[]>();
  for (const p of records.plans) byChild.set(p.childId, [...(byChild.get(p.childId) ?? []), p]);
  for (const p of records.plans) {
    if (!planInScope(p, filter) || !inPeriod(ctx.period, p.startDate)) continue;
    const earlier = (byChild.get(p.childId) ?? []).filter((q) => q.id !== p.id && q.startDate < p.startDate);
    const count = Math.max(p.previousPlans, earlier.length);
    const lastEnd = earlier.map((q) => q.endDate).filter((d): d is string => d !== null).sort().at(-1) ?? null;
    const base = { childIds: [p.childId], date: p.startDate, planId: p.id };
    repeat.push({ ...base, met: count > 0, detail: count > 0 ? `${count} earlier plan${count === 1 ? '' : 's'}` : 'First plan' });
    const recent = lastEnd !== null && lastEnd >= addYears(p.startDate, -2);
    within2.push({ ...base, met: recent, detail: lastEnd ? `Last plan ended ${lastEnd}` : count > 0 ? 'Earlier plan’s end not held in Convene' : 'First plan' });
  }
  return indicator('KP8', { repeat, 'within-2-years': within2 });
}

// ---------------------------------------------------------------- KP9

/** KP9: conferences cancelled or rearranged, with reasons (CV7); late initial conferences with a TS30 authorisation. */
export function kp9(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const filter = ctx.filter ?? {};
  const changed: MeasureItem[] = [];
  const authorised: MeasureItem[] = [];
  const reasons = new Map<string, number>();
  for (const c of records.conferences) {
    const subjects = subjectsInScope(c, filter);
    if (subjects.length === 0) continue;
    const childIds = subjects.map((s) => s.childId);
    const endedOn = c.status === 'held' ? c.heldOn : c.status === 'cancelled' ? (c.cancellation?.on ?? null) : null;
    if (inPeriod(ctx.period, endedOn)) {
      const why = [...c.rearrangements.map((r) => `rearranged ${r.on}: ${r.reason}`), ...(c.cancellation ? [`cancelled ${c.cancellation.on}: ${c.cancellation.reason}`] : [])];
      for (const r of [...c.rearrangements, ...(c.cancellation ? [c.cancellation] : [])]) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
      changed.push({ childIds, date: endedOn, conferenceId: c.id, met: why.length > 0, detail: why.length > 0 ? why.join('; ') : `${c.status === 'held' ? 'Held' : 'Cancelled'} as first booked` });
    }
    if ((ICPC_KINDS.has(c.kind) || c.kind === 'transfer-in') && heldIn(c, ctx.period) && c.dueDate && c.heldOn! > c.dueDate) {
      const decision = c.outOfTimescale?.decision ?? null;
      authorised.push({
        childIds, date: c.heldOn!, conferenceId: c.id, met: decision === 'approved',
        detail: `Held ${c.heldOn} after the due date ${c.dueDate}: ${decision === 'approved' ? 'authorised by a service manager' : decision === 'refused' ? 'authorisation refused' : c.outOfTimescale ? 'authorisation asked, not decided' : 'no authorisation asked'}`,
      });
    }
  }
  const top = [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([r, n]) => `${r} (${n})`);
  return indicator('KP9', { changed, ts30: authorised }, { changed: top.length > 0 ? `Most given reasons: ${top.join('; ')}` : null });
}

// ---------------------------------------------------------------- KP10

/** KP10: quoracy per child, parent attendance, child participation and advocacy take-up at conferences held in the period. */
export function kp10(records: IndicatorRecords, ctx: IndicatorContext): Indicator {
  const quorate: MeasureItem[] = [];
  const parents: MeasureItem[] = [];
  const participation: MeasureItem[] = [];
  const advocacy: MeasureItem[] = [];
  for (const { c, subjects } of heldWithSubjects(records, ctx)) {
    const held = c.heldOn!;
    const inScope = new Set(subjects.map((s) => s.childId));
    for (const s of subjects) {
      if (!s.decided || s.quorate === null) continue;
      quorate.push({ childIds: [s.childId], date: held, conferenceId: c.id, met: s.quorate, detail: s.quorate ? 'Quorate' : 'Went ahead inquorate' });
    }
    if (c.parents.length > 0) {
      const present = c.parents.filter((p) => p.status === 'present').length;
      parents.push({ childIds: [...inScope], date: held, conferenceId: c.id, met: present > 0, detail: `${present} of ${c.parents.length} parents or carers expected attended` });
    }
    for (const p of c.childParticipation) {
      if (!inScope.has(p.childId)) continue;
      if (p.wish !== 'too-young') {
        const tookPart = p.attendance !== 'none' || p.viewsRoutes.length > 0;
        participation.push({
          childIds: [p.childId], date: held, conferenceId: c.id, met: tookPart,
          detail: tookPart ? `Attended: ${p.attendance}; views by ${p.viewsRoutes.join(', ') || 'attending'}` : 'Did not attend and no views reached the conference',
        });
      }
      if (p.advocacyOffered) {
        advocacy.push({ childIds: [p.childId], date: held, conferenceId: c.id, met: p.advocacyConsent === 'given', detail: `Advocate offered: ${p.advocacyConsent}` });
      }
    }
  }
  return indicator('KP10', { quorate, parents, child: participation, advocacy });
}

export const INDICATOR_FUNCTIONS = [kp1, kp2, kp3, kp4, kp5, kp6, kp7, kp8, kp9, kp10] as const;

/** Every indicator, KP1 to KP10, for one period and filter, with the Department's ICPC timeliness. */
export function computeIndicators(records: IndicatorRecords, ctx: IndicatorContext): IndicatorReport {
  const indicators = INDICATOR_FUNCTIONS.map((f) => f(records, ctx));
  const timeliness = icpcTimeliness(records, ctx);
  return {
    period: ctx.period,
    filter: ctx.filter ?? {},
    indicators,
    icpcTimeliness: timeliness,
    empty: indicators.every((i) => i.measures.every((m) => m.denominator === 0)),
  };
}

/** Every measure of a report, flat, in KP order. */
export function allMeasures(report: Pick<IndicatorReport, 'indicators'>): Measure[] {
  return report.indicators.flatMap((i) => [...i.measures]);
}
