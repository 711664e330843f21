import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { strategyDiscussions } from '../../db/schema/index.js';
import { checkCirculation } from '../../domain/front-door/strategy-discussion-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditForChildren } from '../audit/audit-children.js';
import { instantOfLondon, londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { loadStrategyDiscussion } from './load-strategy-discussion.js';

/** FD3: when the record of the discussion went to everyone who took part (due within a working day). */
export async function recordCirculation(db: Database, context: ActionContext, discussionId: string, input: { circulatedDate: string; circulatedTime: string }): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const { discussion, children } = await loadStrategyDiscussion(db, discussionId);
  if (discussion.recordCirculatedAt) throw new ConflictError('The circulation of this record has already been recorded.');
  const circulatedAt = Temporal.PlainDateTime.from(`${input.circulatedDate}T${input.circulatedTime}`);
  const problems = checkCirculation(circulatedAt, londonDateTimeOf(discussion.heldAt), londonDateTimeOf(context.now));
  if (problems.length > 0) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(strategyDiscussions)
      .set({ recordCirculatedAt: instantOfLondon(circulatedAt) })
      .where(and(eq(strategyDiscussions.id, discussionId), isNull(strategyDiscussions.recordCirculatedAt)))
      .returning({ id: strategyDiscussions.id });
    if (updated.length === 0) throw new ConflictError('The circulation of this record has already been recorded.');
    await auditForChildren(tx, context, children.map((c) => c.childId), {
      action: 'strategy-discussion-circulated', recordType: 'strategy-discussion', recordId: discussionId,
    });
  });
}
