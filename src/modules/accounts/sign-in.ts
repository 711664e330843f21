import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { addressThrottles, users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { accountLockAfterFailure, addressAfterFailure, isBlocked } from './throttle.js';
import type { UserRow } from './load-actor.js';

export type SignInResult =
  | { outcome: 'signed-in'; user: UserRow; needsSecondFactor: boolean }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'account-locked'; until: Date }
  | { outcome: 'address-blocked'; until: Date };

/**
 * Checks a username and password, counting failures per account and per address.
 * The caller rotates the session on success; this only decides and records.
 */
export async function signIn(
  db: Database,
  context: ActionContext,
  input: { username: string; password: string },
): Promise<SignInResult> {
  const now = context.now;
  const address = context.address ?? 'unknown';
  const [throttle] = await db.select().from(addressThrottles).where(eq(addressThrottles.address, address));
  if (throttle && isBlocked(throttle.blockedUntil, now)) {
    await recordAudit(db, context, { action: 'sign-in', outcome: 'denied', username: input.username, reason: 'address blocked' });
    return { outcome: 'address-blocked', until: throttle.blockedUntil as Date };
  }

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${input.username.trim().toLowerCase()}`)
    .limit(1);

  if (user && user.active && isBlocked(user.lockedUntil, now)) {
    await recordAudit(db, context, { action: 'sign-in', outcome: 'denied', userId: user.id, username: user.username, reason: 'account locked' });
    return { outcome: 'account-locked', until: user.lockedUntil as Date };
  }

  const passwordOk = user && user.active ? await verifyPassword(input.password, user.passwordHash) : (await verifyAgainstDummy(input.password), false);

  if (!user || !user.active || !passwordOk) {
    return db.transaction(async (tx) => {
      const next = addressAfterFailure(throttle ?? null, now);
      await tx
        .insert(addressThrottles)
        .values({ address, ...next })
        .onConflictDoUpdate({ target: addressThrottles.address, set: next });
      let lockedUntil: Date | null = null;
      if (user && user.active) {
        const failures = user.failedSignIns + 1;
        lockedUntil = accountLockAfterFailure(failures, now);
        await tx.update(users).set({ failedSignIns: failures, lockedUntil }).where(eq(users.id, user.id));
      }
      await recordAudit(tx, context, {
        action: 'sign-in',
        outcome: 'failure',
        userId: user?.id ?? null,
        username: input.username.slice(0, 100),
        reason: !user ? 'unknown username' : !user.active ? 'account deactivated' : 'wrong password',
      });
      if (lockedUntil) return { outcome: 'account-locked', until: lockedUntil } as const;
      if (next.blockedUntil) return { outcome: 'address-blocked', until: next.blockedUntil } as const;
      return { outcome: 'wrong-credentials' } as const;
    });
  }

  const needsSecondFactor = user.totpEnabledAt !== null;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await recordAudit(tx, { ...context, actor: null }, {
      action: needsSecondFactor ? 'sign-in-password-accepted' : 'sign-in',
      userId: user.id,
      username: user.username,
    });
  });
  return { outcome: 'signed-in', user, needsSecondFactor };
}
