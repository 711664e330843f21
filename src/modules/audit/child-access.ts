import type { Queryable } from '../../db/client.js';
import type { ActionContext } from '../shared/action-context.js';
import { recordAudit } from './record-audit.js';

/** Every read of a child's record is audited with the child's id, so an auditor can filter by child. */
export async function auditChildRead(
  db: Queryable,
  context: ActionContext,
  childId: string,
  what: { recordType: string; recordId?: string },
): Promise<void> {
  await recordAudit(db, context, { action: 'child-record-viewed', childId, recordType: what.recordType, recordId: what.recordId ?? childId });
}
