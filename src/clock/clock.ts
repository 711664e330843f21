/**
 * The one source of "now" for the server, the CLI and background work. Nothing else reads the
 * wall clock, so a test (or a demo rehearsing a date) can run the whole product at a fixed instant.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that reads `start` at the moment it is made and then moves on in real time: pages,
 * sessions and the outbox behave as they would on that day, and a journey's steps stay in order.
 */
export function clockStartingAt(start: Date, elapsed: () => number = performanceNow): Clock {
  const origin = elapsed();
  return () => new Date(start.getTime() + (elapsed() - origin));
}

/** A clock that never moves: for unit tests that compare exact instants. */
export function fixedClock(at: Date): Clock {
  return () => new Date(at.getTime());
}

function performanceNow(): number {
  return performance.now();
}

/** The clock the settings ask for: CONVENE_NOW starts the clock at that instant, else the system clock. */
export function clockFromSettings(settings: { now: Date | null }): Clock {
  return settings.now ? clockStartingAt(settings.now) : systemClock;
}

/**
 * How many seconds the app's clock runs ahead of the wall clock. Libraries that judge tokens by
 * the wall clock (openid-client) are given this, so they judge by the app's clock as everything
 * else does: under CONVENE_NOW, and in tests at a fixed instant.
 */
export function secondsAheadOfWallClock(appNow: Date): number {
  return Math.round((appNow.getTime() - Date.now()) / 1000);
}
