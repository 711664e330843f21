import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { BankHolidayCalendarData } from '../../domain/calendar/types.js';
import { users } from './accounts.js';
import { createdNow, id } from './columns.js';

/** An imported bank-holiday calendar replaces the bundled one for its division. */
export const bankHolidayCalendars = pgTable('bank_holiday_calendars', {
  division: text('division').primaryKey(),
  data: jsonb('data').$type<BankHolidayCalendarData>().notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  importedBy: uuid('imported_by').references(() => users.id),
});

/** The authority's own closure days (not working days for its deadlines). */
export const closureDays = pgTable('closure_days', {
  ...id(),
  date: date('date', { mode: 'string' }).notNull().unique(),
  title: text('title').notNull(),
  ...createdNow(),
  createdBy: uuid('created_by').references(() => users.id),
});
