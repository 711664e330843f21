import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * Column sets many tables share, spread into a table's columns where they stand:
 * `{ ...id(), …, ...versioned() }`. Each call makes new column builders, so no two tables share one.
 * (accounts.ts, which `users` lives in, writes its own.)
 */

/** The surrogate key: a random uuid. */
export const id = () => ({ id: uuid('id').primaryKey().defaultRandom() });

/** A row edited under optimistic concurrency: its version, and when and by whom it was last changed. */
export const versioned = () => ({
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** When the row was made, filled by the database. */
export const createdNow = () => ({ createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow() });
