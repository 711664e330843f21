import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';
import { mayManageOutbox } from '../../policies/invitations.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';

/** Puts a failed message back in the queue with a fresh count of attempts, once the cause is fixed. */
export async function retryMessage(db: Database, context: ActionContext, messageId: string): Promise<void> {
  if (!mayManageOutbox(context.actor)) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(outboxMessages)
      .set({ status: 'queued', attempts: 0, nextAttemptAt: context.now })
      .where(and(eq(outboxMessages.id, messageId), eq(outboxMessages.status, 'failed')))
      .returning({ id: outboxMessages.id, conferenceId: outboxMessages.conferenceId });
    if (!row) throw new ConflictError('Only a failed message can be retried, and this one is not failed (any more).');
    await recordAudit(tx, context, { action: 'outbox-message-retried', recordType: 'outbox-message', recordId: messageId, details: { conferenceId: row.conferenceId } });
  });
}
