import { sql } from 'drizzle-orm';
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

/**
 * Many audit rows in one statement, passed as one array a column rather than a parameter a field:
 * a home page lists 150 children, and building a 2,000-parameter INSERT cost more CPU than the
 * rest of the page. The rows are inserted in the order given (ids ascend with it, and the chain
 * seals them in that order).
 */
export async function insertAuditRows(db: Queryable, rows: readonly (typeof auditEvents.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (row: typeof auditEvents.$inferInsert) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    insert into audit_events (at, user_id, username, role, action, record_type, record_id, child_id, outcome, reason, request_id, address, details)
    select at, user_id, username, role, action, record_type, record_id, child_id, outcome, reason, request_id, address, details
    from unnest(
      ${column((r) => (r.at ?? new Date()).toISOString())}::timestamptz[], ${column((r) => r.userId ?? null)}::uuid[],
      ${column((r) => r.username ?? null)}::text[], ${column((r) => r.role ?? null)}::text[], ${column((r) => r.action)}::text[],
      ${column((r) => r.recordType ?? null)}::text[], ${column((r) => r.recordId ?? null)}::text[], ${column((r) => r.childId ?? null)}::uuid[],
      ${column((r) => r.outcome)}::text[], ${column((r) => r.reason ?? null)}::text[], ${column((r) => r.requestId ?? null)}::text[],
      ${column((r) => r.address ?? null)}::text[], ${column((r) => (r.details == null ? null : JSON.stringify(r.details)))}::jsonb[]
    ) with ordinality as r(at, user_id, username, role, action, record_type, record_id, child_id, outcome, reason, request_id, address, details, n)
    order by n`);
}
