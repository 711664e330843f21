import { Temporal } from 'temporal-polyfill';
import { formatDate } from '../../../domain/deadlines/format-date.js';
import { computeDeadline } from '../../../domain/deadlines/index.js';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../../domain/conference/kinds.js';
import { STATUS_LABELS, type ConferenceStatus } from '../../../domain/conference/transitions.js';
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import type { PackId } from '../../../domain/packs/pack-id.js';
import { lateNeedsAuthorisation } from '../../../modules/booking/load-booking.js';
import type { LoadedConference } from '../../../modules/booking/load-booking.js';
import type { ConferenceDetails } from '../../../modules/booking/load-conference-details.js';
import { londonDateTimeOf } from '../../../domain/calendar/london-time.js';

export const kindLabel = (kind: string) => CONFERENCE_KIND_LABELS[kind as ConferenceKind] ?? kind;
export const statusLabel = (status: string) => STATUS_LABELS[status as ConferenceStatus] ?? status;

const FORMAT_LABELS: Record<string, string> = { 'face-to-face': 'Face to face', virtual: 'Virtual', hybrid: 'Hybrid (in a room and online)' };
export const formatLabel = (f: string | null) => (f ? (FORMAT_LABELS[f] ?? f) : 'Not set');

const EVENT_LABELS: Record<string, string> = {
  'decide-to-convene': 'Decision to convene recorded', authorise: 'Authorised', book: 'Booked', rearrange: 'Rearranged',
  'send-invitations': 'Invitations sent', hold: 'Held', adjourn: 'Adjourned', cancel: 'Cancelled',
};

/** "Tuesday 3 March 2026 at 10:00", on the London clock. */
export function londonStart(instant: Date | null): string {
  if (!instant) return '';
  const local = londonDateTimeOf(instant);
  const weekday = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][local.dayOfWeek - 1];
  return `${weekday} ${formatDate(local.toPlainDate())} at ${local.toPlainTime().toString().slice(0, 5)}`;
}

/** The due date, what it was counted from, and how many working days are left (derived, never stored). */
export function dueSummary(conference: LoadedConference['conference'], calendar: WorkingCalendar, today: Temporal.PlainDate) {
  if (!conference.dueDate) return null;
  let explanation = `${conference.dueRuleId ?? ''}: counted from the ${conference.dueFromFact ?? 'decision'} on ${conference.dueFromDate ? formatDate(conference.dueFromDate) : 'an unknown date'}.`;
  if (conference.dueRuleId && conference.dueFromDate) {
    try {
      explanation = computeDeadline({ ruleId: conference.dueRuleId, pack: conference.pack as PackId, from: Temporal.PlainDate.from(conference.dueFromDate), calendar }).explanation;
    } catch {
      // A rule needing facts we do not keep here: the stored summary stands.
    }
  }
  const due = Temporal.PlainDate.from(conference.dueDate);
  let left: string;
  try {
    const n = calendar.workingDaysBetween(today, due);
    left = n > 0 ? `${n} working day${n === 1 ? '' : 's'} left` : n === 0 ? (Temporal.PlainDate.compare(today, due) === 0 ? 'Due today' : 'Due on the next working day') : `${-n} working day${n === -1 ? '' : 's'} overdue`;
  } catch {
    left = '';
  }
  return {
    ruleId: conference.dueRuleId, date: formatDate(conference.dueDate), left, explanation,
    overdue: Temporal.PlainDate.compare(today, due) > 0, lateNeedsAuthorisation: lateNeedsAuthorisation(conference.pack, conference.dueRuleId),
  };
}

/** Booking details, the status history and the out-of-timescale requests, ready for the page. */
export function conferenceDetails(conference: LoadedConference['conference'], { history, requests, room, names: who }: ConferenceDetails) {
  const lastBooking = [...history].reverse().find((h) => h.event === 'book' || h.event === 'rearrange');
  const checks = (lastBooking?.details as { findings?: { ruleId: string; message: string }[] } | null)?.findings ?? [];
  return {
    bookingChecks: checks.map((c) => `${c.message} (${c.ruleId})`),
    chairName: conference.chairId ? (who.get(conference.chairId) ?? '') : null,
    iroName: conference.iroId ? (who.get(conference.iroId) ?? '') : null,
    roomName: room ? `${room.name}, ${room.building}` : null,
    start: londonStart(conference.scheduledStart),
    formatText: formatLabel(conference.format),
    history: history.map((h) => ({
      ...h, eventLabel: EVENT_LABELS[h.event] ?? h.event, byName: h.by ? (who.get(h.by) ?? '') : 'The system',
      toLabel: statusLabel(h.toStatus),
    })),
    requests: requests.map((r) => ({
      ...r, proposedText: formatDate(r.proposedDate), requestedByName: who.get(r.requestedBy) ?? '',
      decidedByName: r.decidedBy ? (who.get(r.decidedBy) ?? '') : null,
      decisionLabel: r.decision === 'approved' ? 'Approved' : r.decision === 'refused' ? 'Refused' : 'Waiting for a service manager',
    })),
  };
}
