import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/**
 * Append-only: a migration adds triggers so the database itself refuses UPDATE, DELETE and
 * TRUNCATE on this table, whatever the application does.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    role: text('role'),
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    /** The child whose record was read or written, so an auditor can filter by child. */
    childId: uuid('child_id'),
    outcome: text('outcome').notNull(), // success | failure | denied
    reason: text('reason'),
    requestId: text('request_id'),
    address: text('address'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    /** Hash chain, written by the database when the inserting transaction commits (migration
     *  0012): position in the chain, the previous row's hash, and SHA-256 over that and this row. */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [uniqueIndex('audit_events_chain_seq').on(t.chainSeq), index('audit_events_at').on(t.at), index('audit_events_child').on(t.childId), index('audit_events_user').on(t.userId),
    // A page that lists many children writes one row naming them all (details.children): the
    // child filter finds a child in those rows through this index.
    index('audit_events_children_shown').using('gin', sql`(${t.details} -> 'children') jsonb_path_ops`).where(sql`${t.action} = 'children-shown-in-list'`),
  ],
);
