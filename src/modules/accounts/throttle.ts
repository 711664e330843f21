/**
 * How failed sign-ins slow an attacker down. Pure, so the rule is tested without a database.
 * Per account: from the 5th consecutive failure the account locks for 15 minutes, doubling
 * with each further failure (capped at 24 hours). Per address: 20 failures within 15 minutes
 * block that address for 15 minutes, whichever usernames were tried. The counting itself is an
 * atomic increment in the database (sign-in.ts), so parallel guesses cannot share one count.
 */
export const ACCOUNT_FAILURES_BEFORE_LOCK = 5;
const BASE_LOCK_MS = 15 * 60 * 1000;
const MAX_LOCK_MS = 24 * 60 * 60 * 1000;
export const ADDRESS_FAILURE_LIMIT = 20;
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;

export function accountLockAfterFailure(failures: number, now: Date): Date | null {
  if (failures < ACCOUNT_FAILURES_BEFORE_LOCK) return null;
  const doublings = failures - ACCOUNT_FAILURES_BEFORE_LOCK;
  const ms = Math.min(BASE_LOCK_MS * 2 ** Math.min(doublings, 10), MAX_LOCK_MS);
  return new Date(now.getTime() + ms);
}

export function isBlocked(until: Date | null, now: Date): boolean {
  return until !== null && until.getTime() > now.getTime();
}
