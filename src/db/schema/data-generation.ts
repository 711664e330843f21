import { bigint, check, integer, pgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * One row counting committed changes to the records work lists are made from. A trigger on every
 * such table (migration 0043) adds one at the commit of any transaction that wrote to it, so a
 * number read before a list was worked out names a state of the records at least that old: a list
 * kept under that number is the list a fresh read would give until the number moves. Tables
 * written by reads and sign-ins (audit, sessions, throttles, usage counts, drafts, job runs) do
 * not move it; `DATA_GENERATION_EXEMPT` lists them and a test holds every other table to it.
 */
export const dataGeneration = pgTable(
  'data_generation',
  {
    id: integer('id').primaryKey(),
    changes: bigint('changes', { mode: 'number' }).notNull(),
  },
  (t) => [check('data_generation_one_row', sql`${t.id} = 1`)],
);

/** A transaction's mark that it wrote, taken away at its commit when the count moves (migration 0043). */
export const dataGenerationMarks = pgTable('data_generation_marks', {
  txid: bigint('txid', { mode: 'number' }).primaryKey(),
});

/** Tables whose writes do not move the count: none of them holds a fact any work list shows. */
export const DATA_GENERATION_EXEMPT = [
  'audit_events', 'sessions', 'address_throttles', 'unknown_username_throttles',
  'api_client_usage', 'api_agency_usage', 'job_runs', 'form_drafts', 'meeting_views', 'data_generation', 'data_generation_marks',
] as const;
