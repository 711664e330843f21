import { deadlineIfSet } from '../../domain/conference/meeting-deadlines.js';
import { formatDateTime } from '../../domain/deadlines/format-date.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import type { Queryable } from '../../db/client.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import type { MeetingState } from './meeting-state.js';

/**
 * TS28: the slot booked and, where the pack sets them, when the family meets the chair and when
 * professionals arrive. Every pack has the chair meet the family first (`000` § 7, `002` 2.92).
 */
export async function loadSlotFacts(db: Queryable, state: MeetingState) {
  const start = state.conference.scheduledStart;
  if (!start) return null;
  const local = londonDateTimeOf(start);
  const end = local.add({ minutes: state.conference.slotMinutes });
  const ts28 = deadlineIfSet('TS28', state.pack, local, await workingCalendar(db));
  const step = (label: string) => {
    const found = ts28?.steps?.find((s) => s.label === label);
    return found && found.due.kind === 'dateTime' ? formatDateTime(found.due.dateTime) : null;
  };
  const target = ts28?.parameter.unit === 'conferenceSlot' ? ts28.parameter.lengthMinutes : undefined;
  return {
    starts: formatDateTime(local),
    ends: formatDateTime(end),
    slotMinutes: state.conference.slotMinutes,
    targetMinutes: target ?? null,
    familyMeetsChair: step('family meets the chair'),
    professionalsArrive: step('professionals arrive'),
    source: ts28?.source ?? null,
  };
}

export type SlotFacts = Awaited<ReturnType<typeof loadSlotFacts>>;
