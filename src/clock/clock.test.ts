import { describe, expect, it } from 'vitest';
import { clockFromSettings, clockStartingAt, fixedClock, systemClock } from './clock.js';

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
});
