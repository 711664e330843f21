import type { Queryable } from '../../db/client.js';
import { outboxMessages, type OutboxAttachment } from '../../db/schema/index.js';
import { readableDates } from '../../documents/readable-dates.js';

export interface OutgoingMessage {
  channel: 'email' | 'post';
  toName: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  attachments?: OutboxAttachment[];
  relatedType?: string;
  relatedId?: string;
  conferenceId?: string;
}

/** Queue a message inside the caller's transaction; the outbox sender delivers it later. Dates in its words are written out (readable-dates.ts). */
export async function enqueueMessage(db: Queryable, message: OutgoingMessage, now: Date): Promise<string> {
  const [row] = await db
    .insert(outboxMessages)
    .values({
      channel: message.channel,
      toName: message.toName,
      toAddress: message.toAddress,
      subject: readableDates(message.subject),
      bodyText: readableDates(message.bodyText),
      attachments: message.attachments ?? [],
      // Post is not sent by a machine: it is recorded as posted first class by the sender.
      status: 'queued',
      nextAttemptAt: now,
      relatedType: message.relatedType ?? null,
      relatedId: message.relatedId ?? null,
      conferenceId: message.conferenceId ?? null,
      createdAt: now,
    })
    .returning({ id: outboxMessages.id });
  if (!row) throw new Error('outbox insert returned nothing');
  return row.id;
}

export function attachment(filename: string, contentType: string, content: Buffer | string): OutboxAttachment {
  return { filename, contentType, content: Buffer.from(content).toString('base64') };
}
