import type { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, NotApplicableError, type Deadline } from '../deadlines/index.js';
import type { PackId } from '../packs/pack-id.js';
import { effectiveParameter } from '../packs/index.js';
import { explainDeadline } from '../deadlines/explain.js';
import type { ConferenceKind } from './kinds.js';

export interface DueDateFacts {
  kind: ConferenceKind;
  pack: PackId;
  /** The strategy discussion that initiated the section 47 enquiries (TS1). */
  strategyDiscussionOn?: Temporal.PlainDate | undefined;
  expectedDeliveryDate?: Temporal.PlainDate | undefined;
  transferNoticeReceivedOn?: Temporal.PlainDate | undefined;
  /** Review: the initial conference (first review, TS5) or the previous review (TS6). */
  initialConferenceOn?: Temporal.PlainDate | undefined;
  previousReviewOn?: Temporal.PlainDate | undefined;
  /** The decision to convene: a pre-birth conference's working days count from it where the pack says so (TS3). */
  decisionToConveneOn?: Temporal.PlainDate | undefined;
  /** Reconvened after adjournment (TS20). */
  adjournedOn?: Temporal.PlainDate | undefined;
}

function tryRule(ruleId: string, pack: PackId, from: Temporal.PlainDate | undefined, calendar: WorkingCalendar, conferenceType?: 'initial' | 'review'): Deadline | null {
  if (!from) return null;
  try {
    return computeDeadline({ ruleId, pack, from, calendar, conferenceType });
  } catch (error) {
    if (error instanceof NotApplicableError) return null;
    throw error;
  }
}

/**
 * The working-day part of a pre-birth conference's date. Hertfordshire counts it from the decision to
 * convene (000_94fab553c2db9a47.txt § 1, Pre-Birth Conference: within fifteen working days of the
 * decision); a pack that sets no such count treats the pre-birth conference as any initial one (TS1
 * from the strategy discussion). The same working-day count as TS1, relabelled with the fact it is
 * counted from so the explanation names the decision.
 */
export const DECISION_TO_CONVENE = 'decision to convene';

function preBirthWorkingDays(facts: DueDateFacts, calendar: WorkingCalendar): Deadline | null {
  const ts3 = effectiveParameter(facts.pack, 'TS3');
  if (ts3?.unit !== 'gestation' || ts3.decisionWorkingDays === undefined) return tryRule('TS1', facts.pack, facts.strategyDiscussionOn, calendar);
  if (!facts.decisionToConveneOn) return null;
  const counted = tryRule('TS1', facts.pack, facts.decisionToConveneOn, calendar);
  if (!counted) return null;
  const plain: Deadline = { ...(JSON.parse(JSON.stringify(counted)) as Deadline), from: { fact: DECISION_TO_CONVENE, value: facts.decisionToConveneOn.toString() } };
  return { ...plain, explanation: explainDeadline(plain) };
}

function dueDateOf(d: Deadline): string {
  return d.due.kind === 'date' ? d.due.date : d.due.dateTime.slice(0, 10);
}

/**
 * The statutory date a conference must be held by, with the rule that sets it, or null where no
 * rule applies (a reconvened conference in a pack without TS20). Pre-birth: the earlier of the
 * 24-week point (TS3) and the working-day count (see preBirthWorkingDays), where both apply.
 */
export function conferenceDueDate(facts: DueDateFacts, calendar: WorkingCalendar): Deadline | null {
  switch (facts.kind) {
    case 'initial':
      return tryRule('TS1', facts.pack, facts.strategyDiscussionOn, calendar);
    case 'pre-birth': {
      const candidates = [
        tryRule('TS3', facts.pack, facts.expectedDeliveryDate, calendar),
        preBirthWorkingDays(facts, calendar),
      ].filter((d): d is Deadline => d !== null);
      return candidates.sort((a, b) => (dueDateOf(a) < dueDateOf(b) ? -1 : 1))[0] ?? null;
    }
    case 'transfer-in':
      return tryRule('TS2', facts.pack, facts.transferNoticeReceivedOn, calendar);
    case 'review':
    case 'designated-review':
      return facts.previousReviewOn
        ? tryRule('TS6', facts.pack, facts.previousReviewOn, calendar)
        : tryRule('TS5', facts.pack, facts.initialConferenceOn, calendar);
    case 'reconvened':
      return tryRule('TS20', facts.pack, facts.adjournedOn, calendar);
  }
}

export { dueDateOf };
