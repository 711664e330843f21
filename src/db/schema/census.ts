import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { instant, userRef, id } from './columns.js';

/**
 * A census check running in the background (the census page's progress bar), kept in the database
 * so any instance can show its progress and report, and a restart does not lose it. The report names
 * children, so a check lives a day at most: the job housekeeping deletes it once `expires_at` passes.
 */
export const censusChecks = pgTable(
  'census_checks',
  {
    ...id(),
    ownerId: userRef('owner_id'),
    referenceDate: text('reference_date').notNull(),
    laCode: text('la_code').notNull(),
    state: text('state').notNull().default('running'), // running | finished | failed
    checked: integer('checked').notNull().default(0),
    /** Children in the year; null while the records are being read. */
    total: integer('total'),
    report: jsonb('report').$type<Record<string, unknown>>(),
    /** The instance running it and until when its lease holds: a check whose instance died is reported as stopped. */
    runningBy: text('running_by'),
    heartbeatAt: instant('heartbeat_at'),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at'),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('census_checks_expires').on(t.expiresAt)],
);
