/**
 * Graceful shutdown. On the first SIGTERM or SIGINT: stop accepting connections, let requests in
 * flight finish (Fastify's close, which also runs every onClose hook: the outbox sender, timers),
 * then close the database and exit 0. A second signal, or the timeout (settings.shutdownTimeoutMs,
 * CONVENE_SHUTDOWN_TIMEOUT_SECONDS), exits 1 at once without waiting further.
 */
export interface ShutdownTargets {
  /** Stops the HTTP server and waits for requests in flight (app.close). */
  closeServer(): Promise<void>;
  closeDatabase(): Promise<void>;
  timeoutMs: number;
  log: { info(o: object, m: string): void; error(o: object, m: string): void };
  /** process.exit, replaceable in tests. */
  exit(code: number): void;
}

export interface Shutdown {
  /** What a signal handler calls; a promise that settles when the orderly part is done. */
  begin(signal: string): Promise<void>;
}

export function gracefulShutdown(targets: ShutdownTargets): Shutdown {
  let stopping = false;
  return {
    async begin(signal: string) {
      if (stopping) {
        targets.log.error({ signal }, 'second signal while shutting down: exiting now');
        targets.exit(1);
        return;
      }
      stopping = true;
      targets.log.info({ signal, timeoutMs: targets.timeoutMs }, 'shutting down: finishing requests in flight');
      const timer = setTimeout(() => {
        targets.log.error({ timeoutMs: targets.timeoutMs }, 'shutdown did not finish in time: exiting now');
        targets.exit(1);
      }, targets.timeoutMs);
      timer.unref();
      let code = 0;
      try {
        await targets.closeServer();
      } catch (error) {
        code = 1;
        targets.log.error({ err: error }, 'closing the server failed');
      }
      try {
        await targets.closeDatabase();
      } catch (error) {
        code = 1;
        targets.log.error({ err: error }, 'closing the database failed');
      }
      clearTimeout(timer);
      targets.log.info({ code }, 'shut down');
      targets.exit(code);
    },
  };
}

/**
 * Closes a Fastify app while reaping connections as their last request ends. Node closes the
 * connections idle at the moment of close; one whose request was in flight stays open, waiting
 * for a next request that will never come, after its response (keep-alive), and would hold the
 * close until the timeout. Every 100 ms the idle ones are closed, so close ends when the last
 * request does.
 */
export async function closeDraining(app: { close(): Promise<unknown>; server: { closeIdleConnections(): void } }, everyMs = 100): Promise<void> {
  const reaper = setInterval(() => app.server.closeIdleConnections(), everyMs);
  try {
    await app.close();
  } finally {
    clearInterval(reaper);
  }
}

/** Sends SIGTERM and SIGINT to `shutdown.begin`. */
export function onStopSignals(shutdown: Shutdown): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown.begin(signal));
}
