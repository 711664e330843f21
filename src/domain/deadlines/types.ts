import type { Temporal } from 'temporal-polyfill';
import type { CalendarDay, WorkingCalendar } from '../calendar/working-calendar.js';
import type { Division } from '../calendar/division.js';
import type { PackId } from '../packs/pack-id.js';
import type { TsParameter, TsRuleId } from '../packs/types.js';

export type ConferenceType = 'initial' | 'review';

export const CONFERENCE_TYPES: readonly ConferenceType[] = ['initial', 'review'];

export interface DeadlineInput {
  /** 'TS1' … 'TS30'. A string so that callers at the edge can pass what they were given. */
  readonly ruleId: string;
  readonly pack: PackId;
  /** The fact the rule counts from (see RULE_FACTS); a date-time where the rule is in hours. */
  readonly from: Temporal.PlainDate | Temporal.PlainDateTime;
  readonly conferenceType?: ConferenceType | undefined;
  readonly calendar: WorkingCalendar;
  /** TS9: the interval the conference set; TS24: the visit frequency in the child's plan. */
  readonly intervalWeeks?: number | undefined;
}

export type Due =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'dateTime'; readonly dateTime: string; readonly timeZone: 'Europe/London' };

export interface DeadlineStep {
  readonly label: string;
  readonly due: Due;
}

/**
 * A computed due date and everything needed to explain it. `explanation` and `skipped` are
 * worked out on first read (they need formatting and holiday look-ups most callers never use);
 * JSON.stringify includes them.
 */
export interface Deadline {
  readonly ruleId: TsRuleId;
  readonly pack: PackId;
  readonly due: Due;
  /** Whether `due` falls after the fact counted from, or before it (reports before a conference). */
  readonly direction: 'after' | 'before';
  /**
   * `latest`: the thing must happen by `due`. `earliest`: not before it (a minimum period, such
   * as Hertfordshire's TS26). Every computed deadline sets it; absent is read as `latest`.
   */
  readonly bound?: 'latest' | 'earliest';
  readonly from: { readonly fact: string; readonly value: string };
  readonly conferenceType?: ConferenceType | undefined;
  /** The parameter actually applied: one side of an initial/review pair, an interval filled in, … */
  readonly parameter: TsParameter;
  /** The working-day calendar used, or null where the rule counts no working days. */
  readonly calendar: Division | null;
  /** Bank holidays and closures on weekdays that the count passed over. */
  readonly skipped: readonly CalendarDay[];
  /** The citation of the procedure section the parameter comes from. */
  readonly source: string;
  readonly explanation: string;
  /** The stages or companions of the due date: TS3 earliest/latest, TS23 both steps, TS28 each time. */
  readonly steps?: readonly DeadlineStep[] | undefined;
}
