import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailure, backoffSeconds, dailyAt, everySeconds, hourly, nextSlotStart, parseSchedule, ScheduleError, slotKey, slotStart, type RetryPolicy,
} from './schedule.js';

const at = (iso: string) => new Date(iso);

describe('schedule slots', () => {
  it.each([
    ['hourly', hourly(), '2026-12-07T09:59:59.999Z', '2026-12-07T09:00:00.000Z', '2026-12-07T10:00:00.000Z'],
    ['hourly, on the hour', hourly(), '2026-12-07T10:00:00.000Z', '2026-12-07T10:00:00.000Z', '2026-12-07T11:00:00.000Z'],
    ['hourly at :15, before the quarter', hourly(15), '2026-12-07T10:14:00.000Z', '2026-12-07T09:15:00.000Z', '2026-12-07T10:15:00.000Z'],
    ['every 5 s', everySeconds(5), '2026-12-07T10:00:07.300Z', '2026-12-07T10:00:05.000Z', '2026-12-07T10:00:10.000Z'],
    ['daily at 02:30, before it', dailyAt(2, 30), '2026-12-07T01:00:00.000Z', '2026-12-06T02:30:00.000Z', '2026-12-07T02:30:00.000Z'],
    ['daily at 02:30, after it', dailyAt(2, 30), '2026-12-07T23:00:00.000Z', '2026-12-07T02:30:00.000Z', '2026-12-08T02:30:00.000Z'],
    ['daily across the March clock change (UTC slots)', dailyAt(1), '2026-03-29T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T01:00:00.000Z'],
  ])('%s', (_name, schedule, instant, start, next) => {
    expect(slotStart(schedule, at(instant)).toISOString()).toBe(start);
    expect(nextSlotStart(schedule, at(instant)).toISOString()).toBe(next);
    expect(slotKey(schedule, at(instant))).toBe(start);
  });

  it('every instant lies in exactly one slot: start <= t < next start, and the slot of the start is itself', () => {
    const schedules = fc.oneof(
      fc.integer({ min: 1, max: 100_000 }).map(everySeconds),
      fc.integer({ min: 0, max: 59 }).map(hourly),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => dailyAt(h, m)),
    );
    fc.assert(fc.property(schedules, fc.integer({ min: 0, max: 4_102_444_800_000 }), (schedule, ms) => {
      const t = new Date(ms);
      const start = slotStart(schedule, t);
      const next = nextSlotStart(schedule, t);
      expect(start.getTime()).toBeLessThanOrEqual(ms);
      expect(next.getTime()).toBeGreaterThan(ms);
      expect(next.getTime() - start.getTime()).toBe(schedule.periodSeconds * 1000);
      expect(slotStart(schedule, start).getTime()).toBe(start.getTime());
      expect(slotStart(schedule, new Date(next.getTime() - 1)).getTime()).toBe(start.getTime());
    }));
  });

  it.each([
    ['every 30s', everySeconds(30)], ['every 5m', everySeconds(300)], ['every 2h', everySeconds(7200)], ['hourly', hourly()],
    ['hourly at :15', hourly(15)], ['daily at 02:30', dailyAt(2, 30)], ['  Daily at 00:00 ', dailyAt(0, 0)],
  ])('reads "%s"', (text, expected) => {
    expect(parseSchedule(text)).toEqual(expected);
  });

  it.each(['', 'every', 'every 0s', 'every -5s', 'hourly at :60', 'daily at 24:00', 'daily at 2:30', '*/5 * * * *'])('refuses "%s" with a message saying what to write', (text) => {
    expect(() => parseSchedule(text)).toThrow(ScheduleError);
  });
});

describe('retries', () => {
  const policy: RetryPolicy = { maxAttempts: 4, baseDelaySeconds: 30, maxDelaySeconds: 100 };

  it.each([[1, 30], [2, 60], [3, 100], [10, 100], [10_000, 100]])('after %i failed attempts waits %i s (doubling, capped)', (attempts, seconds) => {
    expect(backoffSeconds(attempts, policy)).toBe(seconds);
  });

  it('queues the run again after the backoff while attempts remain, then fails it (the dead letter)', () => {
    const now = at('2026-12-07T10:00:00Z');
    expect(afterFailure(1, now, policy)).toEqual({ status: 'queued', runAt: at('2026-12-07T10:00:30Z') });
    expect(afterFailure(3, now, policy)).toEqual({ status: 'queued', runAt: at('2026-12-07T10:01:40Z') });
    expect(afterFailure(4, now, policy)).toEqual({ status: 'failed' });
    expect(afterFailure(5, now, policy)).toEqual({ status: 'failed' });
  });

  it('never waits less as attempts grow', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100_000 }), (n, base, cap) => {
      const p = { maxAttempts: 10, baseDelaySeconds: base, maxDelaySeconds: cap };
      expect(backoffSeconds(n + 1, p)).toBeGreaterThanOrEqual(backoffSeconds(n, p));
      expect(backoffSeconds(n, p)).toBeLessThanOrEqual(cap);
    }));
  });
});
