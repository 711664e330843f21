import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { bankHolidayCalendars, closureDays } from '../../db/schema/index.js';
import type { Division } from '../../domain/calendar/division.js';
import type { BankHolidayCalendarData, CalendarDay } from '../../domain/calendar/types.js';
import { bundledCalendarData, WorkingCalendar } from '../../domain/calendar/working-calendar.js';

/** The calendar in force for a division: an imported one if any, else the bundled one. */
export async function calendarData(db: Queryable, division: Division): Promise<BankHolidayCalendarData> {
  const [row] = await db.select().from(bankHolidayCalendars).where(eq(bankHolidayCalendars.division, division));
  return row ? row.data : bundledCalendarData(division);
}

export async function listClosures(db: Queryable): Promise<CalendarDay[]> {
  return db.select({ date: closureDays.date, title: closureDays.title }).from(closureDays).orderBy(asc(closureDays.date));
}

const cache = new Map<Division, { stamp: string; calendar: WorkingCalendar }>();

/**
 * Every page counts deadlines on the calendar, and it changes a few times a year, so within this
 * process it is kept without asking the database: the calendar actions call calendarChanged()
 * when they commit. Another process on the same PostgreSQL database (a second server, the CLI)
 * is seen within REVALIDATE_MS, when the change stamp is checked again.
 */
const REVALIDATE_MS = 30_000;
let generation = 0;
const fresh = new WeakMap<object, Map<Division, { calendar: WorkingCalendar; generation: number; checkedAt: number }>>();

/** Called by the actions that import a calendar or change closure days, after they commit. */
export function calendarChanged(): void {
  generation += 1;
}

/**
 * The working calendar deadlines are counted on: the division's bank holidays plus the
 * authority's closure days. Rebuilt only when an import or closure has changed it.
 */
export async function workingCalendar(db: Queryable, division: Division = 'england-and-wales'): Promise<WorkingCalendar> {
  const known = fresh.get(db)?.get(division);
  if (known && known.generation === generation && performance.now() - known.checkedAt < REVALIDATE_MS) return known.calendar;
  const seenGeneration = generation;
  const calendar = await checkedCalendar(db, division);
  let perDivision = fresh.get(db);
  if (!perDivision) fresh.set(db, (perDivision = new Map()));
  perDivision.set(division, { calendar, generation: seenGeneration, checkedAt: performance.now() });
  return calendar;
}

async function checkedCalendar(db: Queryable, division: Division): Promise<WorkingCalendar> {
  const [stampRow] = await db
    .select({
      stamp: sql<string>`coalesce((select max(imported_at)::text from ${bankHolidayCalendars} where division = ${division}), '-') || '|' || (select count(*)::text || coalesce(max(created_at)::text, '') from ${closureDays})`,
    })
    .from(sql`(select 1) as one`);
  const stamp = stampRow?.stamp ?? '';
  const cached = cache.get(division);
  if (cached && cached.stamp === stamp) return cached.calendar;
  const calendar = WorkingCalendar.fromData(await calendarData(db, division), await listClosures(db));
  cache.set(division, { stamp, calendar });
  return calendar;
}
