import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant, id, createdNow, done } from './columns.js';

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** base64: documents are small letters and records, kept with the message so a resend is identical. */
  content: string;
}

/**
 * Side effects leave through this table: rows are written inside the action's transaction and a
 * background sender delivers them, so a failure never half-sends (ARCHITECTURE.md).
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    ...id(),
    channel: text('channel').notNull(), // email | post
    toName: text('to_name').notNull(),
    toAddress: text('to_address').notNull(), // email address, or the postal address for post
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    status: text('status').notNull().default('queued'), // queued | sending | sent | failed | to-print | posted
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    relatedType: text('related_type'), // invitation | decisions | record | …
    relatedId: uuid('related_id'),
    conferenceId: uuid('conference_id'),
    /** The print batch a posted letter went out in (letter_batches). */
    batchId: uuid('batch_id'),
    ...createdNow(),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_batch').on(t.batchId)],
);

/** Posted letters printed together as one PDF by business support: who printed which letters, when. */
export const letterBatches = pgTable('letter_batches', {
  ...id(),
  ...done('printed', { byRequired: true }),
  letterCount: integer('letter_count').notNull(),
  messageIds: jsonb('message_ids').$type<string[]>().notNull().default([]),
});
