import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Database } from '../../db/client.js';
import { addressThrottles, users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { hashRecoveryCode, newRecoveryCodes } from './passwords.js';
import { isSealed, openSecret, sealSecret } from './secret-box.js';
import { countAddressFailure, recordSignInFailure, type FailureOutcome } from './sign-in.js';
import { isBlocked } from './throttle.js';

const PERIOD_SECONDS = 30;

function totp(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Convene', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: OTPAuth.Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The 30-second step a code belongs to, or null if it matches none. One step either side
 *  allows for a phone clock a little out. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const cleaned = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(cleaned)) return null;
  const delta = totp(secret, 'x').validate({ token: cleaned, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

export function totpMatches(secret: string, code: string, now: Date): boolean {
  return totpStep(secret, code, now) !== null;
}

export function totpCodeAt(secret: string, now: Date): string {
  return totp(secret, 'x').generate({ timestamp: now.getTime() });
}

/** The associated data a user's TOTP secret is sealed with: it opens only on that user's row. */
const secretContext = (userId: string) => `totp:${userId}`;
/** A secret waiting in a session during enrolment is sealed too. */
export const enrolmentContext = (userId: string) => `totp-enrolment:${userId}`;

/** Turns the second factor on once the user proves their app works; returns recovery codes to show once.
 *  The secret is stored sealed, and the enrolment code's step counts as used. */
export async function enableTwoFactor(
  db: Database,
  context: ActionContext,
  userId: string,
  secret: string,
  code: string,
  key: Buffer,
): Promise<string[]> {
  const step = totpStep(secret, code, context.now);
  if (step === null) {
    throw new ValidationError([{ field: 'code', message: 'That code is not right. Enter the 6-digit code your app shows now.' }]);
  }
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: sealSecret(secret, key, secretContext(userId)),
        totpLastStep: step,
        totpEnabledAt: context.now,
        recoveryCodes: codes.map(hashRecoveryCode),
        updatedAt: context.now,
      })
      .where(eq(users.id, userId));
    await recordAudit(tx, context, { action: 'two-factor-enabled', recordType: 'user', recordId: userId, userId });
  });
  return codes;
}

export type SecondFactorResult = { outcome: 'accepted' } | FailureOutcome;

/**
 * Accepts a current TOTP code not used before, or a recovery code (which is then used up).
 * Throttled exactly as passwords are: a blocked address or a locked account is refused before
 * the code is looked at, and every wrong or reused code is an atomic failure against the
 * account and the address. Each acceptance is one conditional UPDATE, so two requests racing
 * with the same code or recovery code cannot both succeed.
 */
export async function verifySecondFactor(
  db: Database,
  context: ActionContext,
  userId: string,
  code: string,
  key: Buffer,
): Promise<SecondFactorResult> {
  const now = context.now;
  const [throttle] = await db.select().from(addressThrottles).where(eq(addressThrottles.address, context.address ?? 'unknown'));
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || !user.active || !user.totpSecret) return { outcome: 'wrong-credentials' };
  if (throttle && isBlocked(throttle.blockedUntil, now)) {
    await recordAudit(db, context, { action: 'sign-in', outcome: 'denied', userId, username: user.username, reason: 'address blocked' });
    return { outcome: 'address-blocked', until: throttle.blockedUntil as Date };
  }
  if (isBlocked(user.lockedUntil, now)) {
    await recordAudit(db, context, { action: 'sign-in', outcome: 'denied', userId, username: user.username, reason: 'account locked' });
    await countAddressFailure(db, context.address ?? 'unknown', now);
    return { outcome: 'account-locked', until: user.lockedUntil as Date };
  }

  const secret = openSecret(user.totpSecret, key, secretContext(userId));
  const notLocked = or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
  const success = { failedSignIns: 0, lockedUntil: null } as const;
  return db.transaction(async (tx) => {
    const step = totpStep(secret, code, now);
    if (step !== null) {
      const [accepted] = await tx
        .update(users)
        .set({
          ...success,
          totpLastStep: step,
          // A secret stored before sealing is sealed at its first use.
          ...(isSealed(user.totpSecret!) ? {} : { totpSecret: sealSecret(secret, key, secretContext(userId)) }),
        })
        .where(and(eq(users.id, userId), notLocked, or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      if (accepted) {
        await recordAudit(tx, context, { action: 'sign-in', userId, username: user.username, details: { secondFactor: 'totp' } });
        return { outcome: 'accepted' } as const;
      }
      return recordSignInFailure(tx, context, { userId, username: user.username }, 'second factor code already used');
    }
    const hashed = hashRecoveryCode(code);
    const [used] = await tx
      .update(users)
      .set({ ...success, recoveryCodes: sql`${users.recoveryCodes} - ${hashed}::text` })
      .where(and(eq(users.id, userId), notLocked, sql`jsonb_exists(${users.recoveryCodes}, ${hashed}::text)`))
      .returning({ id: users.id });
    if (used) {
      await recordAudit(tx, context, { action: 'sign-in', userId, username: user.username, details: { secondFactor: 'recovery-code' } });
      return { outcome: 'accepted' } as const;
    }
    return recordSignInFailure(tx, context, { userId, username: user.username }, 'wrong second factor');
  });
}
