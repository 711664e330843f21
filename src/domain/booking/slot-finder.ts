import { CalendarRangeError, type WorkingCalendar } from '../calendar/working-calendar.js';
import { fromEpochDay, toEpochDay } from '../calendar/epoch-day.js';
import { formatEpochDay } from '../deadlines/format-date.js';
import { independenceProblem } from './checks.js';
import { dayOfIso, timeOfMinute, type Diary } from './diary.js';
import type { BookingClock, BookingRequest, ChairDiaryEntry, ConferenceFormat, RoomEntry } from './types.js';

export interface SlotSuggestion {
  chairId: string;
  chairName: string;
  roomId: string | null;
  roomName: string | null;
  date: string;
  startMinute: number;
  time: string;
  onTime: boolean;
  sameChair: boolean;
  /** The chair's other conferences in that week. */
  weekLoad: number;
  explanation: string;
}

export interface SlotOptions {
  count?: number;
  format?: ConferenceFormat;
  /** How far to look when there is no due date, or it is near or past: working days from today. */
  windowWorkingDays?: number;
  stepMinutes?: number;
}

/** Reviews are due months ahead; no one books a conference half a year out from a list of times. */
const MAX_WINDOW_WORKING_DAYS = 130;

interface Candidate {
  chair: ChairDiaryEntry;
  room: RoomEntry | null;
  day: number;
  start: number;
  onTime: boolean;
  sameChair: boolean;
  weekLoad: number;
}

/** Best first: on time, then the previous chair (CV4), then the chair with least that week, then earliest, then by the chair's name. */
function better(a: Candidate, b: Candidate): number {
  if (a.onTime !== b.onTime) return a.onTime ? -1 : 1;
  if (a.sameChair !== b.sameChair) return a.sameChair ? -1 : 1;
  if (a.weekLoad !== b.weekLoad) return a.weekLoad - b.weekLoad;
  if (a.day !== b.day) return a.day - b.day;
  if (a.start !== b.start) return a.start - b.start;
  // Equal in every way that matters: by name, so the same diary gives the same answer on any
  // database (ids are random, and a simulated year run twice must book the same chairs).
  if (a.chair.name !== b.chair.name) return a.chair.name < b.chair.name ? -1 : 1;
  return a.chair.id < b.chair.id ? -1 : 1;
}

function lastDayOf(calendar: WorkingCalendar, today: number, n: number): number {
  try {
    return calendar.addWorkingDaysEpoch(today, n);
  } catch (error) {
    if (error instanceof CalendarRangeError) return toEpochDay(calendar.coversTo);
    throw error;
  }
}

/**
 * The best free slots (chair, room, start) for a conference, each with why it is suggested.
 * One suggestion per chair per working day (that chair's earliest free start), so the list offers
 * real choices rather than every half hour of one afternoon. The window runs from today to the due
 * date, or at least `windowWorkingDays` working days, so a late slot is offered only when no
 * on-time one is free. Cost: chairs × working days × start times, each a map lookup.
 */
export function findSlots(
  request: BookingRequest,
  diary: Diary,
  calendar: WorkingCalendar,
  clock: BookingClock,
  options: SlotOptions = {},
): SlotSuggestion[] {
  const count = options.count ?? 5;
  const format = options.format ?? 'face-to-face';
  const step = options.stepMinutes ?? 30;
  const today = toEpochDay(clock.today);
  const dueDay = request.dueDate ? dayOfIso(request.dueDate) : null;
  const latestSearch = lastDayOf(calendar, today, MAX_WINDOW_WORKING_DAYS);
  const end = Math.min(Math.max(dueDay ?? 0, lastDayOf(calendar, today, options.windowWorkingDays ?? 30)), latestSearch);
  const rooms = format === 'virtual' ? [] : [...diary.rooms.values()].filter((r) => format !== 'hybrid' || r.videoEquipped);
  const chairs = [...diary.chairs.values()].filter((c) => independenceProblem(c.id, request.caseStaff) === null);
  const approved = new Set(request.approvedLateDates.map(dayOfIso));
  const self = request.conferenceId;
  const length = request.slotMinutes;

  const candidates: Candidate[] = [];
  let day: number;
  try {
    day = calendar.addWorkingDaysEpoch(today, 0);
  } catch (error) {
    if (error instanceof CalendarRangeError) return [];
    throw error;
  }
  while (day <= end) {
    const late = dueDay !== null && day > dueDay;
    // A late day a service manager has not authorised cannot be booked, so it is not offered.
    if (!late || !request.lateNeedsAuthorisation || approved.has(day)) {
      for (const chair of chairs) {
        const pattern = diary.pattern(chair.id, day);
        if (!pattern || diary.onLeave(chair.id, day) || diary.chairCount(chair.id, day, self) >= pattern.maxConferences) continue;
        const first = day === today ? Math.max(pattern.startMinute, Math.ceil((clock.minuteOfDay + 1) / step) * step) : pattern.startMinute;
        for (let start = first; start + length <= pattern.endMinute; start += step) {
          if (diary.chairClash(chair.id, day, start, start + length, self)) continue;
          const room = format === 'virtual' ? null : rooms.find((r) => !diary.roomClash(r.id, day, start, start + length, self));
          if (room === undefined) continue;
          candidates.push({ chair, room, day, start, onTime: !late, sameChair: chair.id === request.previousChairId, weekLoad: diary.chairWeekCount(chair.id, day) });
          break;
        }
      }
    }
    const next = lastDayOf(calendar, day, 1);
    if (next <= day) break; // the calendar ran out
    day = next;
  }
  return topN(candidates, count).map((c) => suggestion(c, request, calendar));
}

/** The n best without sorting everything: n is small, the candidates can be thousands. */
function topN(candidates: Candidate[], n: number): Candidate[] {
  const best: Candidate[] = [];
  for (const c of candidates) {
    if (best.length === n && better(c, best[n - 1]!) >= 0) continue;
    let i = best.length;
    while (i > 0 && better(c, best[i - 1]!) < 0) i -= 1;
    best.splice(i, 0, c);
    if (best.length > n) best.pop();
  }
  return best;
}

function suggestion(c: Candidate, request: BookingRequest, calendar: WorkingCalendar): SlotSuggestion {
  const date = fromEpochDay(c.day);
  const reasons: string[] = [];
  if (request.dueDate) {
    const due = `${formatEpochDay(dayOfIso(request.dueDate))} (${request.dueRuleId ?? 'statutory date'})`;
    if (c.onTime) {
      const left = calendar.workingDaysBetween(date, fromEpochDay(dayOfIso(request.dueDate)));
      reasons.push(left === 0 ? `On time: on the due date, ${due}` : `On time: ${left} working day${left === 1 ? '' : 's'} before the due date, ${due}`);
    } else {
      reasons.push(`Late: after the due date ${due}, on a date a service manager has authorised (TS30)`);
    }
  }
  if (c.sameChair) reasons.push(`${c.chair.name} chaired the last conference, so the family keeps the same chair (CV4)`);
  else if (request.previousChairId) reasons.push(`The previous chair has no free time that suits; ${c.chair.name} is independent of the case`);
  else reasons.push(`${c.chair.name} is independent of the case (CV4)`);
  reasons.push(c.weekLoad === 0 ? `${c.chair.name} has no other conferences that week` : `${c.chair.name} has ${c.weekLoad} other conference${c.weekLoad === 1 ? '' : 's'} that week`);
  reasons.push(`${timeOfMinute(c.start)} is the earliest free time that day${c.room ? ` with ${c.room.name} free` : ''}`);
  return {
    chairId: c.chair.id, chairName: c.chair.name, roomId: c.room?.id ?? null, roomName: c.room?.name ?? null,
    date: date.toString(), startMinute: c.start, time: timeOfMinute(c.start), onTime: c.onTime, sameChair: c.sameChair,
    weekLoad: c.weekLoad, explanation: `${reasons.join('. ')}.`,
  };
}
