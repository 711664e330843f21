import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Queryable } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { assertChildAccess, childAccessProblems } from '../access/child-record-access.js';
import type { ActionContext } from '../shared/action-context.js';
import { auditRow, insertAuditRows } from './record-audit.js';

/**
 * Reads of children's records are written by group commit: every read queued while one INSERT is
 * on its way goes in the next INSERT, one statement for many pages at once.
 *
 * The trade-off, chosen for the same durability guarantee: each caller's promise resolves only
 * when the INSERT holding its row has committed, and a page awaits it before it shows the record,
 * exactly as before; a failed INSERT fails every page in it. What is saved is a statement and a
 * round trip per read under load. Writing after the response (or on a timer) would be cheaper
 * still, but a crash between showing a record and writing its audit row would lose the row, so it
 * is not done. Pages start the audit alongside their other queries rather than after them, so the
 * wait overlaps the page's own loading instead of adding to it.
 */
class ChildReadBatcher {
  private queue: { row: typeof auditEvents.$inferInsert; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private busy = false;

  constructor(private readonly db: Database) {}

  add(row: typeof auditEvents.$inferInsert): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        // The next turn of the event loop: reads started in this turn share the INSERT.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, 1000);
    try {
      await insertAuditRows(this.db, batch.map((b) => b.row));
      for (const b of batch) b.resolve();
    } catch (error) {
      for (const b of batch) b.reject(error);
    } finally {
      if (this.queue.length) setImmediate(() => void this.flush());
      else this.busy = false;
    }
  }
}

/** The action of a row that names many children at once, in details.children. */
export const CHILDREN_SHOWN = 'children-shown-in-list';

const batchers = new WeakMap<object, ChildReadBatcher>();

/**
 * Every read of a child's record passes here: first the actor's relationship to the child is
 * checked (a 404 without one, see modules/access/child-record-access.ts), then the read is
 * audited with the child's id, so an auditor can filter by child. Inside a transaction the row is
 * written in it; otherwise by group commit (above).
 */
export async function auditChildRead(
  db: Queryable,
  context: ActionContext,
  childId: string,
  what: { recordType: string; recordId?: string },
): Promise<void> {
  await assertChildAccess(db, context.actor, childId);
  await writeRead(db, context, childId, what);
}

/** The audit row of one read whose access has been checked: in the transaction, or by group commit. */
async function writeRead(db: Queryable, context: ActionContext, childId: string, what: { recordType: string; recordId?: string }): Promise<void> {
  const row = auditRow(context, { action: 'child-record-viewed', childId, recordType: what.recordType, recordId: what.recordId ?? childId });
  if (db instanceof PgTransaction) {
    await db.insert(auditEvents).values(row);
    return;
  }
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ChildReadBatcher(db as Database);
    batchers.set(db, batcher);
  }
  await batcher.add(row);
}

/**
 * Audits the reads of several children at once: their access checked in one statement (issue 16),
 * one group commit for them all. As with one check per child, the read of each child open to the
 * person is written, and the first child (in the order given) not open refuses the whole read.
 */
export async function auditChildReads(
  db: Queryable,
  context: ActionContext,
  childIds: Iterable<string>,
  what: { recordType: string; recordId?: string },
): Promise<void> {
  const unique = [...new Set(childIds)];
  if (unique.length === 1) return auditChildRead(db, context, unique[0]!, what);
  const problems = await childAccessProblems(db, context.actor, unique);
  await Promise.all(unique.filter((id) => problems.get(id) === null).map((id) => writeRead(db, context, id, what)));
  const refused = unique.map((id) => problems.get(id)).find((problem) => problem);
  if (refused) throw refused;
}

/**
 * Issue 19: a child named in a list (the home page's work lists) is a disclosure that the child is
 * known. No access check (the lists are the person's own work). Issue 16: one row for the page
 * load, `children-shown-in-list`, naming every child in `details.children` (in the order shown),
 * not a row a child: a home page lists up to 150 children on every load, and writing and sealing
 * 150 rows was a third of the page's database time. The auditor's child filter finds the child in
 * that list (search-audit.ts; a GIN index, migration 0038). Written by group commit, as above.
 */
export async function auditChildrenShown(db: Database, context: ActionContext, childIds: Iterable<string>, what: { list: string }): Promise<void> {
  const unique = [...new Set(childIds)];
  if (unique.length === 0) return;
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ChildReadBatcher(db);
    batchers.set(db, batcher);
  }
  await batcher.add(auditRow(context, { action: CHILDREN_SHOWN, recordType: 'list', recordId: what.list, details: { list: what.list, children: unique } }));
}
