import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { hashRecoveryCode, newRecoveryCodes } from './passwords.js';

function totp(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Convene', label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** One step either side allows for a phone clock a little out. */
export function totpMatches(secret: string, code: string, now: Date): boolean {
  const cleaned = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(cleaned)) return false;
  return totp(secret, 'x').validate({ token: cleaned, timestamp: now.getTime(), window: 1 }) !== null;
}

export function totpCodeAt(secret: string, now: Date): string {
  return totp(secret, 'x').generate({ timestamp: now.getTime() });
}

/** Turns the second factor on once the user proves their app works; returns recovery codes to show once. */
export async function enableTwoFactor(
  db: Database,
  context: ActionContext,
  userId: string,
  secret: string,
  code: string,
): Promise<string[]> {
  if (!totpMatches(secret, code, context.now)) {
    throw new ValidationError([{ field: 'code', message: 'That code is not right. Enter the 6-digit code your app shows now.' }]);
  }
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: secret, totpEnabledAt: context.now, recoveryCodes: codes.map(hashRecoveryCode), updatedAt: context.now })
      .where(eq(users.id, userId));
    await recordAudit(tx, context, { action: 'two-factor-enabled', recordType: 'user', recordId: userId, userId });
  });
  return codes;
}

/** Accepts a current TOTP code, or a recovery code (which is then used up). */
export async function verifySecondFactor(db: Database, context: ActionContext, userId: string, code: string): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || !user.active || !user.totpSecret) return false;
  if (totpMatches(user.totpSecret, code, context.now)) {
    await recordAudit(db, context, { action: 'sign-in', userId, username: user.username, details: { secondFactor: 'totp' } });
    return true;
  }
  const hashed = hashRecoveryCode(code);
  if (!user.recoveryCodes.includes(hashed)) {
    await recordAudit(db, context, { action: 'sign-in', outcome: 'failure', userId, username: user.username, reason: 'wrong second factor' });
    return false;
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ recoveryCodes: user.recoveryCodes.filter((c) => c !== hashed) }).where(eq(users.id, userId));
    await recordAudit(tx, context, { action: 'sign-in', userId, username: user.username, details: { secondFactor: 'recovery-code' } });
  });
  return true;
}
