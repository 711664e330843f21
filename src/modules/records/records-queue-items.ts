import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { formatDate } from '../../domain/deadlines/format-date.js';
import type { Actor } from '../../policies/roles.js';
import { datedItem, mostUrgentFirst, undatedItem, type QueueContext, type WorkItem } from '../work-queues/work-item.js';
import { retentionQueueCounts } from './load-retention-review.js';
import { subjectAccessRequestsFor } from './subject-access.js';

/**
 * RC7 on the home page of the administrator and the register officer: how many closed cases are
 * due for retention review (one item, dated by the oldest), and each disposal proposed by someone
 * else, waiting for the second pair of eyes.
 */
export async function retentionItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  const { due, oldestDue, toApprove } = await retentionQueueCounts(db, actor, ctx.now.toPlainDate().toString(), ctx.pack);
  const items: WorkItem[] = toApprove.map((p) =>
    undatedItem({ title: `Disposal to approve: ${p.name}`, detail: 'Proposed by someone else: a second person approves or withdraws it', href: `/records/retention/cases/${p.caseId}`, childIds: [p.childId] }, p.proposedAt.toISOString()),
  );
  if (due > 0 && oldestDue) {
    items.push(datedItem(ctx, Temporal.PlainDate.from(oldestDue), `The oldest has been due since ${formatDate(oldestDue)} under the retention schedule.`, {
      title: `${due} closed case${due === 1 ? '' : 's'} due for retention review`, detail: 'Review each: keep it under a legal hold, or propose its disposal', href: '/records/retention', childIds: [],
    }));
  }
  return mostUrgentFirst(items);
}

/** RC7 on the information governance home page: each open subject access request, due or overdue, or waiting for the identity check. */
export async function subjectAccessItems(db: Queryable, ctx: QueueContext, actor: Actor): Promise<WorkItem[]> {
  const rows = (await subjectAccessRequestsFor(db, actor, ctx.now.toPlainDate().toString())).filter((r) => r.state !== 'released');
  return mostUrgentFirst(rows.map((r) => {
    const item = { title: `Subject access request: ${r.childName}`, detail: `${r.requesterName}, received ${r.receivedLabel}`, href: `/subject-access/${r.id}`, childIds: [r.childId] };
    if (r.due.dueOn === null) return undatedItem({ ...item, detail: `${item.detail}: check their identity to start the month` }, r.receivedOn);
    return datedItem(ctx, Temporal.PlainDate.from(r.due.dueOn), r.due.explanation, item);
  }));
}
