import { describe, expect, it } from 'vitest';
import { accountLockAfterFailure, isBlocked } from './throttle.js';

const now = new Date('2026-03-02T10:00:00Z');
const minutes = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 60000 : null);

describe('account lock', () => {
  it('does not lock before the fifth failure', () => {
    for (let n = 0; n < 5; n += 1) expect(accountLockAfterFailure(n, now)).toBeNull();
  });
  it('locks for 15 minutes at the fifth failure and doubles after', () => {
    expect(minutes(accountLockAfterFailure(5, now))).toBe(15);
    expect(minutes(accountLockAfterFailure(6, now))).toBe(30);
    expect(minutes(accountLockAfterFailure(7, now))).toBe(60);
  });
  it('never locks for more than a day', () => {
    expect(minutes(accountLockAfterFailure(40, now))).toBe(24 * 60);
  });
});

describe('blocked', () => {
  it('is blocked only until the moment given', () => {
    expect(isBlocked(new Date(now.getTime() + 1), now)).toBe(true);
    expect(isBlocked(now, now)).toBe(false);
    expect(isBlocked(null, now)).toBe(false);
  });
});
