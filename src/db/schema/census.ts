import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { id } from './columns.js';

/**
 * A census check running in the background (the census page's progress bar), kept in the database
 * so any instance can show its progress and report, and a restart does not lose it. The report names
 * children, so a check lives a day at most: the job housekeeping deletes it once `expires_at` passes.
 */
export const censusChecks = pgTable(
  'census_checks',
  {
    ...id(),
    ownerId: uuid('owner_id').references(() => users.id),
    referenceDate: text('reference_date').notNull(),
    laCode: text('la_code').notNull(),
    state: text('state').notNull().default('running'), // running | finished | failed
    checked: integer('checked').notNull().default(0),
    /** Children in the year; null while the records are being read. */
    total: integer('total'),
    report: jsonb('report').$type<Record<string, unknown>>(),
    /** The instance running it and until when its lease holds: a check whose instance died is reported as stopped. */
    runningBy: text('running_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('census_checks_expires').on(t.expiresAt)],
);
