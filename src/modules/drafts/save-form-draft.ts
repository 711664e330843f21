import { isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { formDrafts } from '../../db/schema/index.js';
import { assertChildAccess } from '../access/child-record-access.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { draftFields, FORM_KEY } from './draft-fields.js';

export interface DraftTarget {
  /** Which form ('report', 'record', 'outline-plan', …). */
  formKey: string;
  /** The record the form writes to. */
  recordId: string;
  /** The children whose record it is: the actor must have a relationship to each. */
  childIds: readonly string[];
}

/**
 * Issue 14: what someone has typed into a long form, kept as they type (and when their session ends
 * mid-form) so nothing is lost. One draft per person, form and record, replaced at each save; only
 * its author reads it. A save is a write of each child's record, so each is audited.
 */
export async function saveFormDraft(db: Database, context: ActionContext, target: DraftTarget & { path: string; body: unknown }): Promise<{ savedAt: Date }> {
  const actor = context.actor;
  if (!actor) throw new ForbiddenError('Sign in to keep a draft.');
  if (!FORM_KEY.test(target.formKey)) throw new ValidationError([{ field: 'form', message: 'That form does not keep drafts' }]);
  if (!target.path.startsWith('/') || target.path.startsWith('//')) throw new ValidationError([{ field: 'form', message: 'That form does not keep drafts' }]);
  for (const childId of target.childIds) await assertChildAccess(db, actor, childId);
  const fields = draftFields(target.body);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(formDrafts)
      .values({ userId: actor.id, formKey: target.formKey, recordId: target.recordId, childIds: [...target.childIds], path: target.path, fields, savedAt: context.now })
      .onConflictDoUpdate({
        target: [formDrafts.userId, formDrafts.formKey, formDrafts.recordId],
        set: { fields, path: target.path, childIds: [...target.childIds], savedAt: context.now, clearedAt: null },
        // Typing sent before the form was saved (or the draft discarded) arrives too late to count.
        setWhere: or(isNull(formDrafts.clearedAt), lt(formDrafts.clearedAt, context.now))!,
      })
      .returning({ id: formDrafts.id });
    if (!row) return;
    for (const childId of new Set(target.childIds)) {
      await recordAudit(tx, context, {
        action: 'form-draft-saved', recordType: 'form-draft', recordId: row.id, childId,
        details: { formKey: target.formKey, recordId: target.recordId, fields: Object.keys(fields).length },
      });
    }
  });
  return { savedAt: context.now };
}
