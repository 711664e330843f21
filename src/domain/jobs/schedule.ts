/**
 * The arithmetic of scheduled work, with no clock and no database: which schedule slot an
 * instant falls in, when the next one starts, and how long a failed run waits before its next
 * attempt. The job queue (src/modules/jobs) keys each run by (job name, slot), so however many
 * instances race to enqueue a slot, it exists once.
 */

/** Runs once every `periodSeconds`, at `offsetSeconds` past each period, counted in UTC from the epoch. */
export interface Schedule {
  periodSeconds: number;
  offsetSeconds: number;
}

export class ScheduleError extends Error {}

/** Every n seconds (n divides neatly into the day or not; slots are counted from the epoch). */
export function everySeconds(seconds: number): Schedule {
  if (!Number.isInteger(seconds) || seconds < 1) throw new ScheduleError(`A schedule runs every whole number of seconds, at least 1 (not ${seconds}).`);
  return { periodSeconds: seconds, offsetSeconds: 0 };
}

/** Every hour at `minute` past the hour. */
export function hourly(minute = 0): Schedule {
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new ScheduleError(`An hourly schedule runs at a minute from 0 to 59 (not ${minute}).`);
  return { periodSeconds: 3600, offsetSeconds: minute * 60 };
}

/** Every day at hour:minute UTC (UTC so a slot is never skipped or doubled when the clocks change). */
export function dailyAt(hour: number, minute = 0): Schedule {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new ScheduleError(`A daily schedule runs at an hour from 0 to 23 (not ${hour}).`);
  return { periodSeconds: 86_400, offsetSeconds: hour * 3600 + hourly(minute).offsetSeconds };
}

/**
 * A small cron-like notation for settings: `every 30s`, `every 5m`, `hourly`, `hourly at :15`,
 * `daily at 02:30` (UTC).
 */
export function parseSchedule(text: string): Schedule {
  const t = text.trim().toLowerCase();
  let m = /^every (\d+) ?(s|m|h)$/.exec(t);
  if (m) return everySeconds(Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h']);
  if (t === 'hourly') return hourly(0);
  m = /^hourly at :(\d{2})$/.exec(t);
  if (m) return hourly(Number(m[1]));
  m = /^daily at (\d{2}):(\d{2})$/.exec(t);
  if (m) return dailyAt(Number(m[1]), Number(m[2]));
  throw new ScheduleError(`"${text}" is not a schedule: write "every 30s", "every 5m", "hourly", "hourly at :15" or "daily at 02:30".`);
}

/** The start of the slot `at` falls in: the latest slot start at or before it. */
export function slotStart(schedule: Schedule, at: Date): Date {
  const period = schedule.periodSeconds * 1000;
  const offset = schedule.offsetSeconds * 1000;
  const since = at.getTime() - offset;
  return new Date(Math.floor(since / period) * period + offset);
}

/** The start of the first slot after the one `at` falls in. */
export function nextSlotStart(schedule: Schedule, at: Date): Date {
  return new Date(slotStart(schedule, at).getTime() + schedule.periodSeconds * 1000);
}

/** The key a slot is stored under: its start as an ISO instant, the same from every instance. */
export function slotKey(schedule: Schedule, at: Date): string {
  return slotStart(schedule, at).toISOString();
}

export interface RetryPolicy {
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one, up to `maxDelaySeconds`. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelaySeconds: 30, maxDelaySeconds: 3600 };

/** Exponential backoff after `attempts` failed attempts (1, 2, 4 … times the base), capped. */
export function backoffSeconds(attempts: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, attempts - 1);
  // 2 ** 60 is already far past any cap; stop there so the maths never overflows to Infinity.
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.min(exponent, 60));
}

export type AfterFailure = { status: 'queued'; runAt: Date } | { status: 'failed' };

/** After a failed attempt: try again after the backoff, or, with no attempts left, the dead letter. */
export function afterFailure(attempts: number, now: Date, policy: RetryPolicy): AfterFailure {
  if (attempts >= policy.maxAttempts) return { status: 'failed' };
  return { status: 'queued', runAt: new Date(now.getTime() + backoffSeconds(attempts, policy) * 1000) };
}
