import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, people } from '../../db/schema/index.js';
import { auditChildRead } from '../audit/child-access.js';
import type { ActionContext } from '../shared/action-context.js';

const uuid = /^[0-9a-f-]{36}$/i;

/** A case and its child, for a manager about to reallocate or close it; the read of the child's record is audited. */
export async function loadCaseToChange(db: Queryable, context: ActionContext, caseId: string) {
  if (!uuid.test(caseId)) return null;
  const [row] = await db.select({ caseRow: cases, child: people }).from(cases).innerJoin(people, eq(cases.childId, people.id)).where(eq(cases.id, caseId));
  if (!row) return null;
  await auditChildRead(db, context, row.child.id, { recordType: 'case', recordId: row.caseRow.id });
  return { ...row, name: `${row.child.givenNames} ${row.child.familyName}`.trim() };
}
