import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ConferenceKind } from '../conference/kinds.js';
import { isInitialKind } from '../conference/kinds.js';
import { computeDeadline, NotApplicableError, type Deadline } from '../deadlines/index.js';
import type { PackId } from '../packs/pack-id.js';

/** A TS rule's answer for one conference: a date to meet, words only ("well in advance"), or nothing. */
export type Timing =
  | { kind: 'date'; deadline: Deadline; date: string }
  | { kind: 'advice'; ruleId: string; text: string }
  | { kind: 'none' };

function timing(ruleId: 'TS17' | 'TS19', pack: PackId, conferenceDate: string, calendar: WorkingCalendar, conferenceType: 'initial' | 'review'): Timing {
  try {
    const deadline = computeDeadline({ ruleId, pack, from: Temporal.PlainDate.from(conferenceDate), calendar, conferenceType });
    if (deadline.due.kind !== 'date') return { kind: 'none' };
    return { kind: 'date', deadline, date: deadline.due.date };
  } catch (error) {
    if (error instanceof NotApplicableError) {
      return error.reason === 'no-due-date' ? { kind: 'advice', ruleId, text: error.message } : { kind: 'none' };
    }
    throw error;
  }
}

/** TS19: the latest day review invitations may go (Nottinghamshire: two weeks before); nothing for an initial. */
export function reviewInvitationsDue(pack: PackId, kind: ConferenceKind, conferenceDate: string, calendar: WorkingCalendar): Timing {
  if (isInitialKind(kind)) return { kind: 'none' };
  return timing('TS19', pack, conferenceDate, calendar, 'review');
}

/** TS17: the latest day an observer request may reach the co-ordinator, or the pack's words where it gives no figure. */
export function observerRequestDue(pack: PackId, kind: ConferenceKind, conferenceDate: string, calendar: WorkingCalendar): Timing {
  return timing('TS17', pack, conferenceDate, calendar, isInitialKind(kind) ? 'initial' : 'review');
}

/** Whether something done on `on` met the timing: late only against a real date. */
export function isLate(t: Timing, on: string): boolean {
  return t.kind === 'date' && Temporal.PlainDate.compare(Temporal.PlainDate.from(on), Temporal.PlainDate.from(t.date)) > 0;
}

/**
 * IN3: the day an invitee is asked to reply by, printed on the letter: the TS17 lead time (the
 * chair settles who attends, observers and exclusions then). Null where the pack gives no date, or
 * where that day is already before the letter's date (the letter then asks for a reply as soon as
 * possible rather than print a day that has passed).
 */
export function replyByDate(pack: PackId, kind: ConferenceKind, conferenceDate: string, letterDate: string, calendar: WorkingCalendar): string | null {
  const t = observerRequestDue(pack, kind, conferenceDate, calendar);
  if (t.kind !== 'date') return null;
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(t.date), Temporal.PlainDate.from(letterDate)) < 0 ? null : t.date;
}
