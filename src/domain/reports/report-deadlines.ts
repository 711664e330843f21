import type { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, deadlineState, NotApplicableError, type Deadline } from '../deadlines/index.js';
import type { PackId } from '../packs/pack-id.js';
import type { ReportKind } from './headings.js';

export interface ReportDeadlines {
  /** TS12 (social work) or TS14 (agency): the report reaches the chair. Null where the pack sets no date. */
  toChair: Deadline | null;
  /** TS13 or TS15, or TS16 where it applies and is earlier: the report reaches the family. */
  toFamily: Deadline | null;
  /** Why TS16 did or did not change the family date, for the page. */
  ts16: 'applies' | 'not-needed' | 'not-in-pack';
}

function orNull(compute: () => Deadline): Deadline | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof NotApplicableError) return null;
    throw error;
  }
}

/** The instant a due falls at, as a comparable string: a date alone counts as the end of that day. */
function dueKey(d: Deadline): string {
  return d.due.kind === 'date' ? `${d.due.date}T23:59` : d.due.dateTime.slice(0, 16);
}

/**
 * The dates by which a report must reach the chair and the family, per the pack in force
 * (TS12–TS16). The family's view of their own words (RP6) has no deadline. `familyNeedsTime`
 * is true when a parent has a learning disability or needs the report translated (TS16).
 */
export function reportDeadlines(input: {
  kind: ReportKind;
  pack: PackId;
  conferenceType: 'initial' | 'review';
  conferenceStart: Temporal.PlainDateTime;
  calendar: WorkingCalendar;
  familyNeedsTime: boolean;
}): ReportDeadlines {
  if (input.kind === 'family-views') return { toChair: null, toFamily: null, ts16: 'not-needed' };
  const base = { pack: input.pack, from: input.conferenceStart, conferenceType: input.conferenceType, calendar: input.calendar };
  const chairRule = input.kind === 'social-work' ? 'TS12' : 'TS14';
  const familyRule = input.kind === 'social-work' ? 'TS13' : 'TS15';
  const toChair = orNull(() => computeDeadline({ ...base, ruleId: chairRule }));
  const usual = orNull(() => computeDeadline({ ...base, ruleId: familyRule }));
  if (!input.familyNeedsTime) return { toChair, toFamily: usual, ts16: 'not-needed' };
  const ts16 = orNull(() => computeDeadline({ ...base, ruleId: 'TS16' }));
  if (!ts16) return { toChair, toFamily: usual, ts16: 'not-in-pack' };
  const toFamily = usual === null || dueKey(ts16) < dueKey(usual) ? ts16 : usual;
  return { toChair, toFamily, ts16: 'applies' };
}

export type ReportState = 'awaited' | 'received' | 'shared' | 'late' | 'missing';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  awaited: 'Not yet due',
  received: 'Received',
  shared: 'Shared with the family',
  late: 'Late',
  missing: 'Missing',
};

export interface ReportProgress {
  submittedAt: Temporal.PlainDateTime | null;
  sharedAt: Temporal.PlainDateTime | null;
}

/**
 * Where an expected report stands. Missing: not received and the chair's date has passed.
 * Late: received after the chair's date, or shared (or still not shared) after the family's date.
 * Shared: received and shared in time. Received: in time, and sharing not yet overdue.
 */
export function reportState(
  deadlines: ReportDeadlines,
  progress: ReportProgress,
  now: Temporal.PlainDateTime,
  calendar: WorkingCalendar,
): ReportState {
  const chair = deadlines.toChair ? deadlineState(deadlines.toChair, now, progress.submittedAt, calendar).state : null;
  if (!progress.submittedAt) return chair === 'overdue' ? 'missing' : 'awaited';
  if (chair === 'met-late') return 'late';
  const family = deadlines.toFamily ? deadlineState(deadlines.toFamily, now, progress.sharedAt, calendar).state : null;
  if (family === 'met-late' || family === 'overdue') return 'late';
  return progress.sharedAt ? 'shared' : 'received';
}
