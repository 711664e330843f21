import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { formDrafts } from '../../db/schema/index.js';
import type { ActionContext } from '../shared/action-context.js';

export interface FormDraft {
  id: string;
  fields: Record<string, string | string[]>;
  savedAt: Date;
  path: string;
}

/**
 * The signed-in person's own draft of this form for this record, if they have one. Nobody else's
 * draft is ever found: the author is part of the key. The page that calls this has already opened
 * (and audited the read of) the record.
 */
export async function loadFormDraft(db: Queryable, context: ActionContext, formKey: string, recordId: string): Promise<FormDraft | null> {
  if (!context.actor) return null;
  const [row] = await db
    .select({ id: formDrafts.id, fields: formDrafts.fields, savedAt: formDrafts.savedAt, path: formDrafts.path })
    .from(formDrafts)
    .where(and(eq(formDrafts.userId, context.actor.id), eq(formDrafts.formKey, formKey), eq(formDrafts.recordId, recordId), isNull(formDrafts.clearedAt)))
    .limit(1);
  return row ?? null;
}
