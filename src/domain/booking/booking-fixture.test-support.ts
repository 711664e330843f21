import { Temporal } from 'temporal-polyfill';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { Diary, dayOfIso } from './diary.js';
import type { BookingClock, BookingRequest, ChairDiaryEntry, ExistingBooking, ProposedBooking, RoomEntry } from './types.js';

// A small diary for the booking tests: Monday 2 March 2026, 08:00 in London.

export const calendar = bundledCalendar('england-and-wales');
export const clock: BookingClock = { today: Temporal.PlainDate.from('2026-03-02'), minuteOfDay: 8 * 60 };

const weekdays = (start: number, end: number, max = 3, days = [1, 2, 3, 4, 5]) =>
  days.map((weekday) => ({ weekday, startMinute: start, endMinute: end, maxConferences: max }));

export const chairs: ChairDiaryEntry[] = [
  { id: 'chair-ada', name: 'Ada Chairwell', patterns: weekdays(540, 1020), leave: [] },
  { id: 'chair-bo', name: 'Bo Independent', patterns: weekdays(570, 960, 2, [1, 2, 3, 4]), leave: [{ from: '2026-03-04', to: '2026-03-05' }] },
  { id: 'manager-1', name: 'Mo Manager', patterns: weekdays(540, 1020), leave: [] },
];

export const rooms: RoomEntry[] = [
  { id: 'room-1', name: 'Conference Room 1', videoEquipped: true },
  { id: 'room-2', name: 'Family Room', videoEquipped: false },
];

export function booking(conferenceId: string, chairId: string | null, roomId: string | null, date: string, time: string, slotMinutes = 90): ExistingBooking {
  return { conferenceId, chairId, roomId, day: dayOfIso(date), startMinute: Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), slotMinutes };
}

export function diary(bookings: ExistingBooking[] = [], chairList = chairs): Diary {
  return new Diary(chairList, rooms, bookings);
}

export function request(overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    conferenceId: 'conf-1', kind: 'initial', dueDate: '2026-03-10', dueRuleId: 'TS1', lateNeedsAuthorisation: true, approvedLateDates: [],
    previousChairId: null, caseStaff: [{ socialWorkerId: 'worker-1', lineManagerId: 'manager-1', teamManagerId: 'tm-1' }],
    epoExpiresOn: null, familyRiskFlagged: false, lookedAfter: false, slotMinutes: 90,
    ...overrides,
  };
}

export function proposal(overrides: Partial<ProposedBooking> = {}): ProposedBooking {
  return { date: '2026-03-03', startMinute: 600, chairId: 'chair-ada', roomId: 'room-1', format: 'face-to-face', ...overrides };
}
