import { systemClock } from '../../clock/clock.js';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Database } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';

export type OutboxRow = typeof outboxMessages.$inferSelect;

/** The part of a nodemailer transport the sender uses, so tests and benches can pass their own. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close?(): void;
}

export interface SenderOptions {
  from: string;
  /** After this many failed attempts a message is marked failed, with the last error. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one. */
  baseDelayMs: number;
  batchSize: number;
  /** A claimed message not finished within this time (the process died) is picked up again. */
  leaseMs: number;
  clock: () => Date;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  from: 'Convene conferences <conferences@convene.invalid>',
  maxAttempts: 6,
  baseDelayMs: 60_000,
  batchSize: 20,
  leaseMs: 5 * 60_000,
  clock: systemClock,
};

export interface PassResult {
  sent: number;
  posted: number;
  retrying: number;
  failed: number;
}

/** Exponential backoff: 1, 2, 4, 8 … times the base delay after each failed attempt. */
export function backoffMs(attempts: number, baseDelayMs: number): number {
  return baseDelayMs * 2 ** Math.max(0, attempts - 1);
}

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED, so two senders on PostgreSQL never take the
 * same row; a claimed row is "sending" with a lease, and a lapsed lease makes it due again.
 */
async function claim(db: Database, options: SenderOptions): Promise<OutboxRow[]> {
  const now = options.clock();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(inArray(outboxMessages.status, ['queued', 'sending']), lte(outboxMessages.nextAttemptAt, now)))
      .orderBy(asc(outboxMessages.nextAttemptAt))
      .limit(options.batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + options.leaseMs) })
      .where(inArray(outboxMessages.id, due.map((d) => d.id)))
      .returning();
  });
}

/**
 * The Message-ID is the outbox row's, the same on every attempt: a process killed after the mail
 * server accepted a message but before it was marked sent sends it again once the lease lapses,
 * and the repeat carries the same id, so mail systems (and our tests) can tell it is one message.
 */
export function outboxMessageId(rowId: string): string {
  return `<outbox-${rowId}@convene.invalid>`;
}

function mailOf(row: OutboxRow, from: string): SendMailOptions {
  return {
    from,
    messageId: outboxMessageId(row.id),
    to: { name: row.toName, address: row.toAddress },
    subject: row.subject,
    text: row.bodyText,
    attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
  };
}

/** One pass over the due messages: email goes through the transport, post is recorded as posted. */
export async function sendDueMessages(db: Database, transport: MailTransport | null, partial: Partial<SenderOptions> = {}): Promise<PassResult> {
  const options = { ...DEFAULT_SENDER_OPTIONS, ...partial };
  const result: PassResult = { sent: 0, posted: 0, retrying: 0, failed: 0 };
  const rows = await claim(db, options);
  for (const row of rows) {
    const attempts = row.attempts + 1;
    const now = options.clock();
    const mine = and(eq(outboxMessages.id, row.id), eq(outboxMessages.status, 'sending'));
    if (row.channel !== 'email') {
      await db.update(outboxMessages).set({ status: 'posted', attempts, sentAt: now, lastError: null }).where(mine);
      result.posted += 1;
      continue;
    }
    if (!transport) {
      // No mail server configured: hand the message back untouched, it waits in the queue.
      await db.update(outboxMessages).set({ status: 'queued', nextAttemptAt: now }).where(mine);
      continue;
    }
    try {
      await transport.sendMail(mailOf(row, options.from));
      await db.update(outboxMessages).set({ status: 'sent', attempts, sentAt: options.clock(), lastError: null }).where(mine);
      result.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
      const failed = attempts >= options.maxAttempts;
      await db
        .update(outboxMessages)
        .set({ status: failed ? 'failed' : 'queued', attempts, lastError: reason, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, options.baseDelayMs)) })
        .where(mine);
      if (failed) result.failed += 1;
      else result.retrying += 1;
    }
  }
  return result;
}

export interface RunningSender {
  /** Runs a pass now rather than at the next tick (after a retry, say). */
  wake(): void;
  stop(): Promise<void>;
}

export interface SenderLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The background loop the app starts when SMTP_URL is set: a pass every `intervalMs`, never two
 * at once. PGlite is single-process, so one loop per database is the whole story there.
 */
export function startOutboxSender(
  db: Database,
  settings: { smtpUrl: string; intervalMs?: number; log?: SenderLog } & Partial<SenderOptions>,
): RunningSender {
  // Pooled: one SMTP connection carries many messages, instead of a handshake per letter.
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, pool: true, maxConnections: 2 });
  const intervalMs = settings.intervalMs ?? 5_000;
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = sendDueMessages(db, transport, settings)
      .then((r) => {
        if (r.sent + r.failed + r.retrying + r.posted > 0) settings.log?.info({ outbox: r }, 'outbox pass');
      })
      .catch((error: unknown) => settings.log?.error({ err: error }, 'outbox pass failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  setImmediate(pass);
  return {
    wake: pass,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
