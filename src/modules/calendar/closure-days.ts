import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { closureDays } from '../../db/schema/index.js';
import { mayManageUsers } from '../../policies/accounts.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { calendarChanged } from './calendar-store.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';

export async function addClosureDay(db: Database, context: ActionContext, input: { date: string; title: string }): Promise<void> {
  if (!mayManageUsers(context.actor)) throw new ForbiddenError('Only administrators change the calendar.');
  try {
    await db.transaction(async (tx) => {
      const [clash] = await tx.select().from(closureDays).where(eq(closureDays.date, input.date));
      if (clash) throw new ValidationError([{ field: 'date', message: `That day is already a closure day (${clash.title})` }]);
      const [row] = await tx
        .insert(closureDays)
        .values({ date: input.date, title: input.title, createdAt: context.now, createdBy: context.actor?.id ?? null })
        .returning();
      await recordAudit(tx, context, { action: 'closure-day-added', recordType: 'closure-day', recordId: row?.id ?? '', details: input });
    });
  } finally {
    calendarChanged();
  }
}

export async function removeClosureDay(db: Database, context: ActionContext, id: string): Promise<void> {
  if (!mayManageUsers(context.actor)) throw new ForbiddenError('Only administrators change the calendar.');
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx.delete(closureDays).where(eq(closureDays.id, id)).returning();
      if (!row) throw new NotFoundError('That closure day does not exist.');
      await recordAudit(tx, context, { action: 'closure-day-removed', recordType: 'closure-day', recordId: id, details: { date: row.date, title: row.title } });
    });
  } finally {
    calendarChanged();
  }
}
