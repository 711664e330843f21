import { describe, expect, it } from 'vitest';
import { accountLockAfterFailure, addressAfterFailure, isBlocked } from './throttle.js';

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

describe('address throttle', () => {
  it('blocks an address at the 20th failure inside 15 minutes', () => {
    let state = null;
    for (let n = 1; n < 20; n += 1) {
      state = addressAfterFailure(state, now);
      expect(state.blockedUntil).toBeNull();
    }
    state = addressAfterFailure(state, now);
    expect(minutes(state.blockedUntil)).toBe(15);
    expect(isBlocked(state.blockedUntil, now)).toBe(true);
  });
  it('starts a new window after 15 minutes', () => {
    const old = { failures: 19, windowStartedAt: new Date(now.getTime() - 16 * 60000), blockedUntil: null };
    const next = addressAfterFailure(old, now);
    expect(next.failures).toBe(1);
    expect(next.blockedUntil).toBeNull();
  });
});
