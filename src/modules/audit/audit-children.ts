import type { Queryable } from '../../db/client.js';
import { recordAudit, type AuditEntry } from './record-audit.js';
import type { ActionContext } from '../shared/action-context.js';

/**
 * One audit event per child a write touches, so the trail of each child shows it. Called inside
 * the action's transaction.
 */
export async function auditForChildren(
  tx: Queryable,
  context: ActionContext,
  childIds: readonly string[],
  entry: Omit<AuditEntry, 'childId'>,
): Promise<void> {
  for (const childId of new Set(childIds)) await recordAudit(tx, context, { ...entry, childId });
}
