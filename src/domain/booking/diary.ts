import { epochDayOf, isoWeekdayOf } from '../calendar/epoch-day.js';
import type { ChairDiaryEntry, ExistingBooking, RoomEntry, WorkingPattern } from './types.js';

/** "2026-03-02" as a day number; the caller has validated the text. */
export function dayOfIso(iso: string): number {
  return epochDayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** "09:30" → 570. */
export function minuteOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

interface Interval {
  conferenceId: string;
  start: number;
  end: number;
}

/** Monday of the ISO week a day falls in: the unit chair workload is balanced over. */
export function weekOf(day: number): number {
  return day - (isoWeekdayOf(day) - 1);
}

/**
 * Everyone's commitments, indexed once so each question is a map lookup plus a scan of one
 * chair's (or room's) few bookings that day: no pass over the whole diary per candidate slot.
 */
export class Diary {
  readonly chairs: ReadonlyMap<string, ChairDiaryEntry>;
  readonly rooms: ReadonlyMap<string, RoomEntry>;
  private readonly chairDays = new Map<string, Interval[]>();
  private readonly roomDays = new Map<string, Interval[]>();
  private readonly chairWeeks = new Map<string, number>();
  private readonly patterns = new Map<string, (WorkingPattern | undefined)[]>();
  private readonly leave = new Map<string, { from: number; to: number }[]>();

  constructor(chairs: readonly ChairDiaryEntry[], rooms: readonly RoomEntry[], bookings: readonly ExistingBooking[]) {
    this.chairs = new Map(chairs.map((c) => [c.id, c]));
    this.rooms = new Map(rooms.map((r) => [r.id, r]));
    for (const c of chairs) {
      const byWeekday: (WorkingPattern | undefined)[] = [];
      for (const p of c.patterns) byWeekday[p.weekday] = p;
      this.patterns.set(c.id, byWeekday);
      this.leave.set(c.id, c.leave.map((l) => ({ from: dayOfIso(l.from), to: dayOfIso(l.to) })));
    }
    for (const b of bookings) {
      const interval = { conferenceId: b.conferenceId, start: b.startMinute, end: b.startMinute + b.slotMinutes };
      if (b.chairId) {
        push(this.chairDays, `${b.chairId}|${b.day}`, interval);
        const week = `${b.chairId}|${weekOf(b.day)}`;
        this.chairWeeks.set(week, (this.chairWeeks.get(week) ?? 0) + 1);
      }
      if (b.roomId) push(this.roomDays, `${b.roomId}|${b.day}`, interval);
    }
  }

  pattern(chairId: string, day: number): WorkingPattern | undefined {
    return this.patterns.get(chairId)?.[isoWeekdayOf(day)];
  }

  onLeave(chairId: string, day: number): boolean {
    return (this.leave.get(chairId) ?? []).some((l) => day >= l.from && day <= l.to);
  }

  /** The chair's conferences that day, leaving out the one being (re)booked. */
  chairCount(chairId: string, day: number, except: string): number {
    return (this.chairDays.get(`${chairId}|${day}`) ?? []).filter((i) => i.conferenceId !== except).length;
  }

  chairWeekCount(chairId: string, day: number): number {
    return this.chairWeeks.get(`${chairId}|${weekOf(day)}`) ?? 0;
  }

  chairClash(chairId: string, day: number, start: number, end: number, except: string): Interval | undefined {
    return clash(this.chairDays.get(`${chairId}|${day}`), start, end, except);
  }

  roomClash(roomId: string, day: number, start: number, end: number, except: string): Interval | undefined {
    return clash(this.roomDays.get(`${roomId}|${day}`), start, end, except);
  }
}

function push(map: Map<string, Interval[]>, key: string, interval: Interval): void {
  const list = map.get(key);
  if (list) list.push(interval);
  else map.set(key, [interval]);
}

/** Half-open intervals [start, end): a conference ending at 11:00 does not clash with one at 11:00. */
function clash(list: Interval[] | undefined, start: number, end: number, except: string): Interval | undefined {
  if (!list) return undefined;
  for (const i of list) if (i.conferenceId !== except && i.start < end && start < i.end) return i;
  return undefined;
}
