import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../../clock/clock.js';
import type { Database } from '../../db/client.js';
import { DEFAULT_RETRY } from '../../domain/jobs/schedule.js';
import type { JobDefinition } from './job-definition.js';
import { claimNextRun, completeRun, enqueueDueSlots, extendLease, failRun, releaseRun, type JobRun } from './queue.js';

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobWorkerOptions {
  db: Database;
  jobs: readonly JobDefinition[];
  clock: Clock;
  /** Names this instance in locked_by; unique per process by default. */
  workerId?: string;
  /** How often the worker looks for due slots and runs (default 1 s). */
  pollMs?: number;
  /** How long a claimed run is this worker's before another may take it over (default 5 minutes). */
  leaseMs?: number;
  /** How often a running job's lease is renewed (default a third of the lease). */
  heartbeatMs?: number;
  /** On stop, how long to wait for the running job before handing it back (default 10 s). */
  drainMs?: number;
  log?: JobLog;
}

export interface JobWorker {
  readonly id: string;
  /** True between start() and stop(): what /ready reports as "job queue running". */
  readonly running: boolean;
  start(): void;
  /** One pass: enqueue the current slots, then run due runs one after another until none is left. */
  tick(): Promise<number>;
  /** Finishes the running job (or hands it back after drainMs) and stops polling. */
  stop(): Promise<void>;
  /** Stops dead, as a crashed process would: no release, no more heartbeats. For tests of takeover. */
  kill(): void;
}

const MAX_RUNS_PER_TICK = 50;

/**
 * One worker per process, running one job at a time. With several instances on one PostgreSQL
 * each has a worker; the queue (queue.ts) makes sure each slot's run is done by exactly one of
 * them, and a run whose instance died is taken over once its lease lapses.
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, clock, jobs } = options;
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const heartbeatMs = options.heartbeatMs ?? Math.max(1000, Math.floor(leaseMs / 3));
  const drainMs = options.drainMs ?? 10_000;
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const names = [...byName.keys()];
  const overlapping = jobs.filter((job) => job.overlaps).map((job) => job.name);

  let started = false;
  let stopped = false;
  let killed = false;
  let poller: NodeJS.Timeout | null = null;
  let ticking: Promise<number> | null = null;
  let current: { run: JobRun; heartbeat: NodeJS.Timeout } | null = null;

  const runOne = async (run: JobRun): Promise<void> => {
    const job = byName.get(run.name)!;
    const heartbeat = setInterval(() => {
      extendLease(db, run, id, new Date(clock().getTime() + leaseMs))
        .then((kept) => { if (!kept) options.log?.warn({ job: run.name, slot: run.slot }, 'job lease lost to another instance'); })
        .catch((error: unknown) => options.log?.error({ err: error, job: run.name }, 'renewing a job lease failed'));
    }, heartbeatMs);
    heartbeat.unref();
    current = { run, heartbeat };
    try {
      let result: Record<string, unknown> | null;
      try {
        result = (await job.run(db, clock())) ?? null;
      } catch (error) {
        if (killed) return; // killed meanwhile: a dead process records nothing
        const message = error instanceof Error ? error.message : String(error);
        const outcome = await failRun(db, run, id, clock(), message, job.retry ?? DEFAULT_RETRY);
        options.log?.[outcome === 'failed' ? 'error' : 'warn']({ job: run.name, slot: run.slot, attempt: run.attempts, outcome, err: error }, 'job run failed');
        return;
      }
      if (killed) return;
      const done = await completeRun(db, run, id, clock(), result);
      if (!done) options.log?.warn({ job: run.name, slot: run.slot }, 'job finished after its lease was taken over');
      else if (result && Object.values(result).some((v) => v !== 0 && v !== null)) options.log?.info({ job: run.name, slot: run.slot, result }, 'job run');
    } finally {
      clearInterval(heartbeat);
      current = null;
    }
  };

  const pass = async (): Promise<number> => {
    let ran = 0;
    await enqueueDueSlots(db, jobs, clock());
    while (!stopped && ran < MAX_RUNS_PER_TICK) {
      const run = await claimNextRun(db, { names, workerId: id, now: clock(), leaseMs, overlapping });
      if (!run) break;
      await runOne(run);
      ran += 1;
    }
    return ran;
  };

  const beginPass = (): Promise<number> => {
    const thisPass = pass().finally(() => {
      if (ticking === thisPass) ticking = null;
    });
    ticking = thisPass;
    return thisPass;
  };

  const worker: JobWorker = {
    id,
    get running() {
      return started && !stopped;
    },
    tick() {
      if (stopped) return Promise.resolve(0);
      const prior = ticking;
      if (!prior) return beginPass();
      // A pass is under way with an earlier "now": wait for it, then make sure one starts after this call.
      return prior.then(() => 0, () => 0).then(() => (stopped ? 0 : (ticking ?? beginPass())));
    },
    start() {
      if (started || stopped) return;
      started = true;
      const poll = () => void (ticking ?? beginPass()).catch((error: unknown) => options.log?.error({ err: error }, 'job queue pass failed'));
      poller = setInterval(poll, pollMs);
      poller.unref();
      setImmediate(poll);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (poller) clearInterval(poller);
      const inFlight = ticking;
      if (!inFlight) return;
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        inFlight.then(() => true, () => true),
        new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), drainMs); }),
      ]);
      clearTimeout(timer);
      const unfinished = current;
      if (!drained && unfinished) {
        clearInterval(unfinished.heartbeat);
        await releaseRun(db, unfinished.run, id, clock()).catch(() => false);
        options.log?.warn({ job: unfinished.run.name, slot: unfinished.run.slot }, 'job handed back unfinished on shutdown');
      }
    },
    kill() {
      stopped = true;
      killed = true;
      started = false;
      if (poller) clearInterval(poller);
      if (current) clearInterval(current.heartbeat);
    },
  };
  return worker;
}
