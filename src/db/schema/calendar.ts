import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { BankHolidayCalendarData } from '../../domain/calendar/types.js';
import { instant, day, userRef, id, createdNow } from './columns.js';

/** An imported bank-holiday calendar replaces the bundled one for its division. */
export const bankHolidayCalendars = pgTable('bank_holiday_calendars', {
  division: text('division').primaryKey(),
  data: jsonb('data').$type<BankHolidayCalendarData>().notNull(),
  importedAt: instant('imported_at').notNull().defaultNow(),
  importedBy: userRef('imported_by'),
});

/** The authority's own closure days (not working days for its deadlines). */
export const closureDays = pgTable('closure_days', {
  ...id(),
  date: day('date').notNull().unique(),
  title: text('title').notNull(),
  ...createdNow(),
  createdBy: userRef('created_by'),
});
