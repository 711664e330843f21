import type { CalendarDay, WorkingCalendar } from '../calendar/working-calendar.js';
import type { Division } from '../calendar/division.js';
import type { PackId } from '../packs/pack-id.js';
import type { TsParameter, TsRuleId } from '../packs/types.js';
import { fromEpochDay as plainDateOf } from '../calendar/epoch-day.js';
import { explainDeadline } from './explain.js';
import type { ConferenceType, Deadline, DeadlineStep, Due } from './types.js';

/**
 * The one implementation of `Deadline`. Computing a due date must stay cheap (deadline sweeps
 * and dashboards compute thousands), so the two costly parts, the skipped holidays and the
 * sentence explaining the date, are worked out on first read and kept. They are getters on the
 * prototype, so `toJSON` puts them back into the serialised value.
 */
export class ComputedDeadline implements Deadline {
  readonly #calendar: WorkingCalendar | null;
  /** Skipped holidays are those in (skipAfter, skipUntil]; NaN when no working days were counted. */
  readonly #skipAfter: number;
  readonly #skipUntil: number;
  #skipped: CalendarDay[] | undefined;
  #explanation: string | undefined;
  readonly calendar: Division | null;

  constructor(
    readonly ruleId: TsRuleId,
    readonly pack: PackId,
    readonly due: Due,
    readonly direction: 'after' | 'before',
    readonly bound: 'latest' | 'earliest',
    readonly from: { readonly fact: string; readonly value: string },
    readonly conferenceType: ConferenceType | undefined,
    readonly parameter: TsParameter,
    readonly source: string,
    readonly steps: readonly DeadlineStep[] | undefined,
    calendar: WorkingCalendar | null,
    skipAfter: number,
    skipUntil: number,
  ) {
    this.#calendar = calendar;
    this.calendar = calendar ? calendar.division : null;
    this.#skipAfter = skipAfter;
    this.#skipUntil = skipUntil;
  }

  get skipped(): readonly CalendarDay[] {
    if (this.#skipped === undefined) {
      this.#skipped =
        this.#calendar && this.#skipUntil > this.#skipAfter
          ? this.#calendar.holidaysBetween(plainDateOf(this.#skipAfter), plainDateOf(this.#skipUntil))
          : [];
    }
    return this.#skipped;
  }

  get explanation(): string {
    if (this.#explanation === undefined) this.#explanation = explainDeadline(this);
    return this.#explanation;
  }

  toJSON(): Deadline {
    return {
      ruleId: this.ruleId,
      pack: this.pack,
      due: this.due,
      direction: this.direction,
      bound: this.bound,
      from: this.from,
      conferenceType: this.conferenceType,
      parameter: this.parameter,
      calendar: this.calendar,
      skipped: this.skipped,
      source: this.source,
      explanation: this.explanation,
      steps: this.steps,
    };
  }
}
