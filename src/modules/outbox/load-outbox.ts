import { desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';

/** The 200 newest outbox messages (of one status, or all), and how many there are of each status. */
export async function loadOutbox(db: Queryable, status: string | null) {
  const rows = await db
    .select({
      id: outboxMessages.id, channel: outboxMessages.channel, toName: outboxMessages.toName, toAddress: outboxMessages.toAddress,
      subject: outboxMessages.subject, status: outboxMessages.status, attempts: outboxMessages.attempts, lastError: outboxMessages.lastError,
      nextAttemptAt: outboxMessages.nextAttemptAt, sentAt: outboxMessages.sentAt, createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(status ? eq(outboxMessages.status, status) : undefined)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(200);
  const counts = await db.select({ status: outboxMessages.status, n: sql<number>`count(*)::int` }).from(outboxMessages).groupBy(outboxMessages.status);
  const countsByStatus: Record<string, number> = Object.fromEntries(counts.map((c) => [c.status, c.n]));
  return { rows, countsByStatus };
}
