import type { Queryable } from '../../db/client.js';
import { assertChildAccess } from '../access/child-record-access.js';
import type { ActionContext } from '../shared/action-context.js';
import { recordAudit } from './record-audit.js';

/**
 * Every read of a child's record passes here: first the actor's relationship to the child is
 * checked (a 404 without one, see modules/access/child-record-access.ts), then the read is
 * audited with the child's id, so an auditor can filter by child.
 */
export async function auditChildRead(
  db: Queryable,
  context: ActionContext,
  childId: string,
  what: { recordType: string; recordId?: string },
): Promise<void> {
  await assertChildAccess(db, context.actor, childId);
  await recordAudit(db, context, { action: 'child-record-viewed', childId, recordType: what.recordType, recordId: what.recordId ?? childId });
}
