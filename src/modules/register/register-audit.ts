import type { Queryable } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import type { ActionContext } from '../shared/action-context.js';

/**
 * One audit row per child a register read or export disclosed, so an auditor filtering by a
 * child sees every list they appeared on, with the filter that produced it. Inserted in batches.
 */
export async function auditChildrenListed(
  db: Queryable,
  context: ActionContext,
  childIds: readonly string[],
  entry: { action: string; recordType: string; recordId?: string; details: Record<string, unknown> },
): Promise<void> {
  const actor = context.actor;
  const unique = [...new Set(childIds)];
  for (let i = 0; i < unique.length; i += 500) {
    await db.insert(auditEvents).values(
      unique.slice(i, i + 500).map((childId) => ({
        at: context.now, userId: actor?.id ?? null, username: actor?.username ?? null, role: actor ? actor.roles.join(',') : null,
        action: entry.action, recordType: entry.recordType, recordId: entry.recordId ?? childId, childId, outcome: 'success',
        requestId: context.requestId, address: context.address, details: entry.details,
      })),
    );
  }
}
