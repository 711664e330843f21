import { inArray, min, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';

/** Messages not yet delivered: waiting, being sent, or given up on after repeated failures. */
export const UNSENT_STATUSES = ['queued', 'sending', 'failed'] as const;

export interface OutboxBacklog {
  byStatus: Record<(typeof UNSENT_STATUSES)[number], number>;
  /** When the oldest message still waiting (queued or sending) was written; null when none waits. */
  oldestWaitingSince: Date | null;
}

/** The outbox's unsent messages, counted for /metrics (one grouped query on the outbox_due index). */
export async function outboxBacklog(db: Queryable): Promise<OutboxBacklog> {
  const rows = await db
    .select({ status: outboxMessages.status, count: sql<number>`count(*)::int`, oldest: min(outboxMessages.createdAt) })
    .from(outboxMessages)
    .where(inArray(outboxMessages.status, [...UNSENT_STATUSES]))
    .groupBy(outboxMessages.status);
  const byStatus = { queued: 0, sending: 0, failed: 0 };
  let oldestWaitingSince: Date | null = null;
  for (const row of rows) {
    const status = row.status as keyof typeof byStatus;
    byStatus[status] = Number(row.count);
    if (status !== 'failed' && row.oldest) {
      const at = new Date(row.oldest);
      if (!oldestWaitingSince || at < oldestWaitingSince) oldestWaitingSince = at;
    }
  }
  return { byStatus, oldestWaitingSince };
}
