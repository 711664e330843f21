import type { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, NotApplicableError, RULE_FACTS } from '../deadlines/index.js';
import { describeParameter } from '../packs/describe.js';
import type { PackId } from '../packs/pack-id.js';

export interface BookingPrompt {
  ruleId: 'TS29';
  /** Due date when the pack counts from the decision to convene; null when it counts from a later fact. */
  dueOn: string | null;
  text: string;
  source: string;
}

/**
 * TS29, where the pack has it: what the social worker does about booking once the decision to
 * convene is made. Some packs count from the decision itself (the diary co-ordinator is told the
 * same day), others from a later fact (invitation requests the day after the date is set), so the
 * prompt states the step the pack names rather than a date it cannot know yet.
 */
export function bookingPrompt(pack: PackId, decidedOn: Temporal.PlainDate, calendar: WorkingCalendar): BookingPrompt | null {
  try {
    const deadline = computeDeadline({ ruleId: 'TS29', pack, from: decidedOn, calendar });
    const fromDecision = deadline.from.fact === RULE_FACTS.TS29.fact;
    const dueOn = fromDecision && deadline.due.kind === 'date' ? deadline.due.date : null;
    return {
      ruleId: 'TS29',
      dueOn,
      text: fromDecision ? deadline.explanation : `Counted from the ${deadline.from.fact}: ${describeParameter(deadline.parameter)}.`,
      source: deadline.source,
    };
  } catch (error) {
    if (error instanceof NotApplicableError) return null;
    throw error;
  }
}
