import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { formDrafts } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { NotFoundError } from '../shared/errors.js';

/**
 * Empties the actor's own draft, by its id (the "Discard your draft" button) or by form and record
 * (the form was submitted, so the draft has done its job). Someone else's draft is not found.
 * Audited per child, as the save was. Returns the form's page, to go back to.
 */
export async function discardFormDraft(
  db: Database,
  context: ActionContext,
  which: { draftId: string } | { formKey: string; recordId: string },
  reason: 'discarded' | 'submitted' = 'discarded',
): Promise<{ path: string } | null> {
  const actor = context.actor;
  if (!actor) return null;
  const where = 'draftId' in which
    ? and(eq(formDrafts.id, which.draftId), eq(formDrafts.userId, actor.id), isNull(formDrafts.clearedAt))
    : and(eq(formDrafts.userId, actor.id), eq(formDrafts.formKey, which.formKey), eq(formDrafts.recordId, which.recordId), isNull(formDrafts.clearedAt));
  const gone = await db.transaction(async (tx) => {
    // The text goes; the row stays as a marker, so typing sent before now cannot bring the draft back.
    const [row] = await tx.update(formDrafts).set({ fields: {}, clearedAt: context.now }).where(where).returning({ id: formDrafts.id, childIds: formDrafts.childIds, path: formDrafts.path, formKey: formDrafts.formKey, recordId: formDrafts.recordId });
    if (!row) return null;
    for (const childId of new Set(row.childIds)) {
      await recordAudit(tx, context, { action: `form-draft-${reason}`, recordType: 'form-draft', recordId: row.id, childId, details: { formKey: row.formKey, recordId: row.recordId } });
    }
    return { path: row.path };
  });
  if (!gone && 'draftId' in which) throw new NotFoundError('We could not find that draft.');
  return gone;
}
