import { describe, expect, it, vi } from 'vitest';
import { clockFromSettings, clockStartingAt, fixedClock, secondsAheadOfWallClock, systemClock } from './clock.js';

describe('clocks', () => {
  it('a clock starting at an instant moves on with elapsed time from there', () => {
    let elapsed = 1_000;
    const clock = clockStartingAt(new Date('2026-12-24T00:30:00Z'), () => elapsed);
    expect(clock().toISOString()).toBe('2026-12-24T00:30:00.000Z');
    elapsed += 90_000;
    expect(clock().toISOString()).toBe('2026-12-24T00:31:30.000Z');
  });

  it('a fixed clock returns the same instant, and a fresh Date each time so callers cannot move it', () => {
    const clock = fixedClock(new Date('2026-03-02T10:00:00Z'));
    const first = clock();
    first.setUTCFullYear(1999);
    expect(clock().toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });

  it('settings without CONVENE_NOW give the system clock; with it, a clock from that instant', () => {
    expect(clockFromSettings({ now: null })).toBe(systemClock);
    const clock = clockFromSettings({ now: new Date('2027-01-04T08:00:00Z') });
    expect(Math.abs(clock().getTime() - Date.parse('2027-01-04T08:00:00Z'))).toBeLessThan(5_000);
  });

  it('says how far the app clock is ahead of the wall clock, for libraries that read the wall clock', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T10:00:00Z') });
    try {
      expect(secondsAheadOfWallClock(new Date('2026-03-02T12:00:00Z'))).toBe(7200);
      expect(secondsAheadOfWallClock(new Date('2026-03-02T09:59:30Z'))).toBe(-30);
    } finally {
      vi.useRealTimers();
    }
  });
});
