import { asc } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { closureDays } from '../../db/schema/index.js';
import { DIVISIONS } from '../../domain/calendar/division.js';
import { divisionLabel } from '../../domain/calendar/division-label.js';
import { calendarData } from './calendar-store.js';

/** The calendars deadlines count on, what each covers and where it came from, and the authority's closure days. */
export async function loadCalendarOverview(db: Queryable) {
  const calendars = [];
  for (const division of DIVISIONS) {
    const data = await calendarData(db, division);
    calendars.push({ label: divisionLabel(division), source: data.source, coversFrom: data.coversFrom, coversTo: data.coversTo, count: data.days.length });
  }
  const closures = await db.select().from(closureDays).orderBy(asc(closureDays.date));
  return { calendars, closures };
}
