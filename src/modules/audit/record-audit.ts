import type { Queryable } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import type { ActionContext } from '../shared/action-context.js';

export interface AuditEntry {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  recordType?: string;
  recordId?: string;
  childId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  /** For events before anyone is signed in (a failed sign-in names the username tried). */
  username?: string;
  userId?: string | null;
}

/** The one way an audit event is written: inside the caller's transaction, so the event and
 *  the change it describes commit or roll back together. */
export async function recordAudit(db: Queryable, context: ActionContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values(auditRow(context, entry));
}

/** The row an audit entry is stored as. */
export function auditRow(context: ActionContext, entry: AuditEntry): typeof auditEvents.$inferInsert {
  const actor = context.actor;
  return {
    at: context.now,
    userId: entry.userId !== undefined ? entry.userId : (actor?.id ?? null),
    username: entry.username ?? actor?.username ?? null,
    role: actor ? actor.roles.join(',') : null,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    childId: entry.childId ?? null,
    outcome: entry.outcome ?? 'success',
    reason: entry.reason ?? null,
    requestId: context.requestId,
    address: context.address,
    details: entry.details ?? null,
  };
}
