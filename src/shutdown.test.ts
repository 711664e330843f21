import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDraining, gracefulShutdown, type ShutdownTargets } from './shutdown.js';

/** Targets whose closing waits until the test says so, recording what happened in order. */
function targets(timeoutMs = 10_000) {
  const events: string[] = [];
  let finishServer: () => void = () => undefined;
  const t: ShutdownTargets = {
    closeServer: () => new Promise<void>((resolve) => {
      events.push('server closing');
      finishServer = () => { events.push('server closed'); resolve(); };
    }),
    closeDatabase: async () => void events.push('database closed'),
    timeoutMs,
    log: { info: () => undefined, error: () => undefined },
    exit: (code: number) => void events.push(`exit ${code}`),
  };
  return { t, events, finishServer: () => finishServer() };
}

describe('graceful shutdown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the server to drain, then closes the database, then exits 0', async () => {
    const { t, events, finishServer } = targets();
    const done = gracefulShutdown(t).begin('SIGTERM');
    await vi.advanceTimersByTimeAsync(9_000);
    expect(events).toEqual(['server closing']);
    finishServer();
    await done;
    expect(events).toEqual(['server closing', 'server closed', 'database closed', 'exit 0']);
    // The timeout was cleared: nothing more happens later.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toHaveLength(4);
  });

  it('exits 1 when draining takes longer than the timeout', async () => {
    const { t, events } = targets(10_000);
    void gracefulShutdown(t).begin('SIGTERM');
    await vi.advanceTimersByTimeAsync(9_999);
    expect(events).toEqual(['server closing']);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(['server closing', 'exit 1']);
  });

  it('exits 1 at once on a second signal', async () => {
    const { t, events } = targets();
    const shutdown = gracefulShutdown(t);
    void shutdown.begin('SIGTERM');
    await shutdown.begin('SIGINT');
    expect(events).toEqual(['server closing', 'exit 1']);
  });

  it('still closes the database and exits 1 when closing the server fails', async () => {
    const events: string[] = [];
    await gracefulShutdown({
      closeServer: async () => { throw new Error('boom'); },
      closeDatabase: async () => void events.push('database closed'),
      timeoutMs: 1000,
      log: { info: () => undefined, error: () => undefined },
      exit: (code) => void events.push(`exit ${code}`),
    }).begin('SIGTERM');
    expect(events).toEqual(['database closed', 'exit 1']);
  });

  it('closes connections as they fall idle while the app closes, and stops once it has', async () => {
    let reaped = 0;
    let finish: () => void = () => undefined;
    const app = { close: () => new Promise<void>((resolve) => (finish = resolve)), server: { closeIdleConnections: () => void (reaped += 1) } };
    const closing = closeDraining(app, 100);
    await vi.advanceTimersByTimeAsync(350);
    expect(reaped).toBe(3);
    finish();
    await closing;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reaped).toBe(3);
  });
});
