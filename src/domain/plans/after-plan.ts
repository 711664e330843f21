import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, NotApplicableError, type Deadline } from '../deadlines/index.js';
import type { PackId } from '../packs/pack-id.js';

/**
 * TS26: after a plan ends with a child in need plan, hertfordshire keeps the child allocated
 * for at least 3 months (a minimum period, met once it has run) and pan-dorset reviews the
 * child in need plan at least every 6 months; other packs set nothing. Counted from the day
 * the plan ended, which is the conference's date when a review ended it.
 */
export function childInNeedDeadline(pack: PackId, endedOn: string, continuingSupport: string | null, calendar: WorkingCalendar): Deadline | null {
  if (continuingSupport !== 'child-in-need-plan') return null;
  try {
    return computeDeadline({ ruleId: 'TS26', pack, from: Temporal.PlainDate.from(endedOn), calendar });
  } catch (error) {
    if (error instanceof NotApplicableError) return null;
    throw error;
  }
}
