import { eq, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

export async function changeOwnPassword(
  db: Database,
  context: ActionContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = context.actor;
  if (!actor) throw new ForbiddenError();
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new ForbiddenError();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new ValidationError([{ field: 'currentPassword', message: 'Your current password is not right' }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw new ValidationError([{ field: 'newPassword', message: 'Choose a new password different from your current one' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: context.now }).where(eq(users.id, actor.id));
    // Every session of this person ends, this one included (the caller gives the person a new
    // one): whoever else held a session, with the old password or a stolen cookie, is out.
    const ended = await tx.delete(sessions).where(or(eq(sessions.userId, actor.id), eq(sessions.pendingUserId, actor.id))).returning({ idHash: sessions.idHash });
    await recordAudit(tx, context, { action: 'password-changed', recordType: 'user', recordId: actor.id, details: { sessionsEnded: ended.length } });
  });
}
