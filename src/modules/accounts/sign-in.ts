import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, lte, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { addressThrottles, unknownUsernameThrottles, users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { accountLockAfterFailure, ADDRESS_FAILURE_LIMIT, ADDRESS_WINDOW_MS, isBlocked } from './throttle.js';
import type { UserRow } from './load-actor.js';

export type SignInResult =
  | { outcome: 'signed-in'; user: UserRow; needsSecondFactor: boolean }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'account-locked'; until: Date }
  | { outcome: 'address-blocked'; until: Date };

export type FailureOutcome = Exclude<SignInResult, { outcome: 'signed-in' }>;

/** The key an unknown username is counted under: never the name itself (people type passwords there). */
export function unknownNameKey(username: string): string {
  return createHash('sha256').update(username.trim().toLowerCase()).digest('hex');
}

/**
 * One more refused attempt from an address, counted by the database itself (INSERT … ON CONFLICT
 * DO UPDATE … RETURNING), so parallel requests cannot each read the same old count. Attempts
 * refused because the account is locked count too: otherwise how many guesses an address got
 * through before it was blocked would depend on how its parallel requests interleaved with the
 * account's lock.
 */
export async function countAddressFailure(db: Queryable, address: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MS);
  const windowOpen = sql`${addressThrottles.windowStartedAt} > ${windowStart}`;
  const [row] = await db
    .insert(addressThrottles)
    .values({ address, failures: 1, windowStartedAt: now, blockedUntil: null })
    .onConflictDoUpdate({
      target: addressThrottles.address,
      set: {
        failures: sql`case when ${windowOpen} then ${addressThrottles.failures} + 1 else 1 end`,
        windowStartedAt: sql`case when ${windowOpen} then ${addressThrottles.windowStartedAt} else ${now} end`,
      },
    })
    .returning({ failures: addressThrottles.failures });
  if (!row || row.failures < ADDRESS_FAILURE_LIMIT) return null;
  const blockedUntil = new Date(now.getTime() + ADDRESS_WINDOW_MS);
  await db.update(addressThrottles).set({ blockedUntil }).where(eq(addressThrottles.address, address));
  return blockedUntil;
}

/**
 * One more failure against an account (or, for a username that does not exist, against that
 * name): an atomic increment whose returned value decides the lock. A lock only ever lengthens.
 */
export async function countAccountFailure(db: Queryable, userId: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
    .where(eq(users.id, userId))
    .returning({ failures: users.failedSignIns });
  return lockAfter(row?.failures, now, (until) => db.update(users).set({ lockedUntil: lengthened(users.lockedUntil, until) }).where(eq(users.id, userId)));
}

async function countUnknownNameFailure(db: Queryable, nameHash: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .insert(unknownUsernameThrottles)
    .values({ nameHash, failures: 1 })
    .onConflictDoUpdate({ target: unknownUsernameThrottles.nameHash, set: { failures: sql`${unknownUsernameThrottles.failures} + 1` } })
    .returning({ failures: unknownUsernameThrottles.failures });
  return lockAfter(row?.failures, now, (until) =>
    db.update(unknownUsernameThrottles).set({ lockedUntil: lengthened(unknownUsernameThrottles.lockedUntil, until) }).where(eq(unknownUsernameThrottles.nameHash, nameHash)));
}

/** The lock a count of failures earns, if any, written by `lock` before it is returned. */
async function lockAfter(failures: number | undefined, now: Date, lock: (until: Date) => Promise<unknown>): Promise<Date | null> {
  const lockedUntil = failures === undefined ? null : accountLockAfterFailure(failures, now);
  if (lockedUntil) await lock(lockedUntil);
  return lockedUntil;
}

/** A lock only ever lengthens: parallel failures each write theirs, and the latest end wins. */
function lengthened(lockedUntil: Column, until: Date): SQL {
  return sql`greatest(coalesce(${lockedUntil}, ${until}), ${until})`;
}

/** Counts a failure against the address and the account in one transaction and says what to show. */
export async function recordSignInFailure(
  tx: Queryable,
  context: ActionContext,
  target: { userId: string | null; username: string },
  reason: string,
): Promise<FailureOutcome> {
  const now = context.now;
  const blockedUntil = await countAddressFailure(tx, context.address ?? 'unknown', now);
  const lockedUntil = target.userId
    ? await countAccountFailure(tx, target.userId, now)
    : await countUnknownNameFailure(tx, unknownNameKey(target.username), now);
  await recordAudit(tx, context, {
    action: 'sign-in',
    outcome: 'failure',
    userId: target.userId,
    username: target.username.slice(0, 100),
    reason,
  });
  if (lockedUntil) return { outcome: 'account-locked', until: lockedUntil };
  if (blockedUntil) return { outcome: 'address-blocked', until: blockedUntil };
  return { outcome: 'wrong-credentials' };
}

/**
 * Checks a username and password, counting failures per account and per address.
 * The caller rotates the session on success; this only decides and records.
 * A username that does not exist (or a deactivated account) is counted and locked exactly as
 * an account is, so the answers never reveal which usernames exist.
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
    await recordAudit(db, context, { action: 'sign-in', outcome: 'denied', username: input.username.slice(0, 100), reason: 'address blocked' });
    return { outcome: 'address-blocked', until: throttle.blockedUntil as Date };
  }

  const [found] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${input.username.trim().toLowerCase()}`)
    .limit(1);
  const user = found && found.active ? found : null;

  const lockedUntil = user
    ? user.lockedUntil
    : ((await db.select().from(unknownUsernameThrottles).where(eq(unknownUsernameThrottles.nameHash, unknownNameKey(input.username))))[0]
        ?.lockedUntil ?? null);
  if (isBlocked(lockedUntil, now)) {
    await recordAudit(db, context, {
      action: 'sign-in',
      outcome: 'denied',
      userId: user?.id ?? null,
      username: user?.username ?? input.username.slice(0, 100),
      reason: user ? 'account locked' : 'unknown username locked',
    });
    await countAddressFailure(db, address, now);
    return { outcome: 'account-locked', until: lockedUntil as Date };
  }

  const passwordOk = user ? await verifyPassword(input.password, user.passwordHash) : (await verifyAgainstDummy(input.password), false);

  if (!user || !passwordOk) {
    const reason = !found ? 'unknown username' : !found.active ? 'account deactivated' : 'wrong password';
    return db.transaction((tx) => recordSignInFailure(tx, context, { userId: user?.id ?? null, username: input.username }, reason));
  }

  const needsSecondFactor = user.totpEnabledAt !== null;
  // The lock is checked again as part of the write: a lock set by parallel failures while this
  // password was being checked still refuses it. With a second factor to come, the failure count
  // is kept until that factor is right, so wrong codes and wrong passwords add up to one lock.
  const accepted = await db.transaction(async (tx) => {
    const notLocked = or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
    const [row] = await tx
      .update(users)
      .set(needsSecondFactor ? { lockedUntil: null } : { failedSignIns: 0, lockedUntil: null })
      .where(and(eq(users.id, user.id), notLocked))
      .returning({ id: users.id });
    if (!row) {
      const [current] = await tx.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
      await recordAudit(tx, context, { action: 'sign-in', outcome: 'denied', userId: user.id, username: user.username, reason: 'account locked' });
      await countAddressFailure(tx, context.address ?? 'unknown', now);
      return { outcome: 'account-locked', until: current?.lockedUntil ?? now } as const;
    }
    await recordAudit(tx, { ...context, actor: null }, {
      action: needsSecondFactor ? 'sign-in-password-accepted' : 'sign-in',
      userId: user.id,
      username: user.username,
    });
    return null;
  });
  if (accepted) return accepted;
  return { outcome: 'signed-in', user, needsSecondFactor };
}

/** Whether an account is locked now (the second-factor step checks this before each code). */
export async function lockedUntilNow(db: Queryable, userId: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: users.lockedUntil })
    .from(users)
    .where(and(eq(users.id, userId), gt(users.lockedUntil, now)));
  return row?.lockedUntil ?? null;
}
