import { pathToFileURL } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { toEpochDay } from '../src/domain/calendar/epoch-day.js';
import { bundledCalendar } from '../src/domain/calendar/working-calendar.js';
import { Diary } from '../src/domain/booking/diary.js';
import { findSlots } from '../src/domain/booking/slot-finder.js';
import type { BookingRequest, ChairDiaryEntry, ExistingBooking, RoomEntry } from '../src/domain/booking/types.js';

// A busy unit: 50 chairs with mixed working weeks and some leave, 8 rooms, about two conferences
// per chair per working day already booked over the next 8 weeks. Each request builds its own
// diary (as a page load does) and asks for the best 5 slots. Figures: per-request p95 and the
// total, for 50 chairs × 400 requests and for a small unit of 10 chairs × 40 requests.

const CASES = [
  { chairs: 50, requests: 400 },
  { chairs: 10, requests: 40 },
];
const TODAY = Temporal.PlainDate.from('2026-03-02');

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function buildData(CHAIRS: number, REQUESTS: number) {
  const calendar = bundledCalendar('england-and-wales');
  const random = seededRandom(20261201);
  const chairs: ChairDiaryEntry[] = Array.from({ length: CHAIRS }, (_, i) => ({
    id: `chair-${i}`,
    name: `Chair ${i}`,
    patterns: [1, 2, 3, 4, 5].filter((d) => i % 5 !== d - 1 || i % 2 === 0).map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020, maxConferences: 3 })),
    leave: i % 7 === 0 ? [{ from: TODAY.add({ days: 3 + (i % 10) }).toString(), to: TODAY.add({ days: 7 + (i % 10) }).toString() }] : [],
  }));
  const rooms: RoomEntry[] = Array.from({ length: 8 }, (_, i) => ({ id: `room-${i}`, name: `Room ${i}`, videoEquipped: i % 2 === 0 }));
  const bookings: ExistingBooking[] = [];
  let day = toEpochDay(TODAY);
  for (let d = 0; d < 40; d += 1) {
    day = calendar.addWorkingDaysEpoch(day, 1);
    for (const chair of chairs) {
      for (const start of [540, 780]) {
        if (random() < 0.7) {
          bookings.push({ conferenceId: `c-${bookings.length}`, chairId: chair.id, roomId: `room-${Math.floor(random() * 8)}`, day, startMinute: start, slotMinutes: 90 });
        }
      }
    }
  }
  const requests: BookingRequest[] = Array.from({ length: REQUESTS }, (_, i) => ({
    conferenceId: `new-${i}`,
    kind: i % 3 === 0 ? 'review' : 'initial',
    dueDate: i % 10 === 9 ? null : calendar.addWorkingDays(TODAY, 3 + Math.floor(random() * 40)).toString(),
    dueRuleId: 'TS1',
    lateNeedsAuthorisation: true,
    approvedLateDates: [],
    previousChairId: i % 3 === 0 ? `chair-${Math.floor(random() * CHAIRS)}` : null,
    caseStaff: [{ socialWorkerId: `chair-${i % CHAIRS}`, lineManagerId: 'manager', teamManagerId: 'team-manager' }],
    epoExpiresOn: null,
    familyRiskFlagged: false,
    lookedAfter: false,
    slotMinutes: 90,
  }));
  return { calendar, chairs, rooms, bookings, requests };
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  for (const { chairs: CHAIRS, requests: REQUESTS } of CASES) {
    const { calendar, chairs, rooms, bookings, requests } = buildData(CHAIRS, REQUESTS);
    const clock = { today: TODAY, minuteOfDay: 480 };
    let sink = 0;
    for (const r of requests.slice(0, 50)) sink += findSlots(r, new Diary(chairs, rooms, bookings), calendar, clock).length;
    const times: number[] = [];
    const started = performance.now();
    for (const r of requests) {
      const t = performance.now();
      const diary = new Diary(chairs, rooms, bookings);
      sink += findSlots(r, diary, calendar, clock, { count: 5, format: r.kind === 'review' ? 'hybrid' : 'face-to-face' }).length;
      times.push(performance.now() - t);
    }
    const total = performance.now() - started;
    if (sink === 0) throw new Error('the slot finder found nothing');
    times.sort((a, b) => a - b);
    const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] ?? 0;
    lines.push(`slot-finder: p95 ${p95.toFixed(2)} ms per request, ${total.toFixed(1)} ms total at ${CHAIRS} chairs × ${REQUESTS} requests`);
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line);
}
