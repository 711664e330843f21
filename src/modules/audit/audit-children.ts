import type { Queryable } from '../../db/client.js';
import { auditRow, insertAuditRows, type AuditEntry } from './record-audit.js';
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
  const rows = [...new Set(childIds)].map((childId) => auditRow(context, { ...entry, childId }));
  // One statement for all the children: the rows keep their order, so the chain seals them as before.
  await insertAuditRows(tx, rows);
}
