import type { PackId } from './pack-id.js';
import { isOneOf } from '../choices.js';

/** The statutory timescale rules of RULES.md, in table order. */
export const TS_RULE_IDS = [
  'TS1', 'TS2', 'TS3', 'TS4', 'TS5', 'TS6', 'TS7', 'TS8', 'TS9', 'TS10',
  'TS11', 'TS12', 'TS13', 'TS14', 'TS15', 'TS16', 'TS17', 'TS18', 'TS19', 'TS20',
  'TS21', 'TS22', 'TS23', 'TS24', 'TS25', 'TS26', 'TS27', 'TS28', 'TS29', 'TS30',
] as const;

export type TsRuleId = (typeof TS_RULE_IDS)[number];

export function isTsRuleId(value: string): value is TsRuleId {
  return isOneOf(TS_RULE_IDS, value);
}

/**
 * What a pack says beyond the number. `qualifier` is a few words shown beside the figure
 * ("best practice; accepted on the day"); `note` is a longer remark for people reading the
 * pack, never shown in the short description.
 */
export interface Annotated {
  readonly qualifier?: string;
  readonly note?: string;
  /** The fact this pack counts from, where it differs from the rule's usual one. */
  readonly countedFrom?: string;
}

export type WorkingDays = Annotated & {
  readonly unit: 'workingDays';
  readonly n: number;
  /** Count the day of the fact itself as day 1 (the first working day on or after it). */
  readonly dayOne?: boolean;
};
export type CalendarDays = Annotated & { readonly unit: 'calendarDays'; readonly n: number };
export type Hours = Annotated & { readonly unit: 'hours'; readonly n: number };
export type Weeks = Annotated & {
  readonly unit: 'weeks';
  readonly n: number;
  /** The conference or plan may set a shorter interval; `n` is then only the ceiling. */
  readonly shorterMayBeSet?: boolean;
};
export type Months = Annotated & {
  readonly unit: 'months';
  readonly n: number;
  /** The date is a minimum period ("at least until"), not a latest date. */
  readonly bound?: 'earliest';
};

/** A plain length of time, counted one way. */
export type Duration = WorkingDays | CalendarDays | Hours | Weeks | Months;

const DURATION_UNITS = ['workingDays', 'calendarDays', 'hours', 'weeks', 'months'] as const satisfies readonly Duration['unit'][];

/** Whether a parameter is a plain length of time, which every reader counts or words the same way. */
export function isDuration(p: TsParameter): p is Duration {
  return isOneOf(DURATION_UNITS, p.unit);
}

export type TsParameter =
  | Duration
  /** On the day of the fact itself. */
  | (Annotated & { readonly unit: 'sameDay' })
  /** The interval is not in the pack: the conference or the child's plan sets it. */
  | (Annotated & { readonly unit: 'setElsewhere'; readonly by: 'conference' | 'plan' })
  | (Annotated & { readonly unit: 'byConferenceType'; readonly initial: Duration; readonly review: Duration })
  /** A window in pregnancy, in weeks of gestation, counted back from a 40-week expected date of delivery. */
  | (Annotated & {
      readonly unit: 'gestation';
      readonly earliestWeeks: number;
      readonly latestWeeks: number;
      readonly termWeeks: number;
      /** Where the pack also counts working days from the decision to convene (not the strategy discussion). */
      readonly decisionWorkingDays?: number;
    })
  /** Consecutive periods, each counted from the end of the one before. */
  | (Annotated & { readonly unit: 'steps'; readonly steps: readonly { readonly label: string; readonly limit: Duration }[] })
  | (Annotated & {
      readonly unit: 'conferenceSlot';
      readonly familyMeetsChairMinutesBefore?: number;
      readonly professionalsArriveMinutesBefore?: number;
      readonly lengthMinutes?: number;
    })
  | (Annotated & { readonly unit: 'age'; readonly years: number })
  /** Not a date: who must authorise going beyond another rule's timescale. */
  | (Annotated & { readonly unit: 'authorisation'; readonly by: string; readonly appliesTo: readonly TsRuleId[]; /** How many different people sign (two where the pack names two). */ readonly signatories?: 1 | 2 })
  /** The pack says something that cannot be counted ("well in advance"). */
  | (Annotated & { readonly unit: 'note'; readonly text: string });

export interface PackRule {
  readonly parameter: TsParameter;
  /** File and section of the pack's own procedure, e.g. `000_….txt § 2 Membership …`. */
  readonly citation: string;
}

export interface Pack {
  readonly id: PackId;
  readonly name: string;
  /** The procedure file in `shared/procedures/` this pack is drawn from. */
  readonly source: string;
  readonly rules: Readonly<Partial<Record<TsRuleId, PackRule>>>;
}
