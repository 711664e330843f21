import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOperationalRequest } from './operational-paths.js';

export interface LoadLimits {
  /** Requests served at once; the rest wait their turn. */
  concurrent: number;
  /** Requests that may wait; one more is turned away at once. */
  waiting: number;
  /** How long a request may wait for its turn before it is turned away. */
  maxWaitMs: number;
}

/**
 * Embedded PGlite runs every query on the event-loop thread, so a request queue with no bound
 * makes every page slower until clients time out. A bounded number of requests run at once, a
 * bounded number wait, and the rest are told at once to come back (503 with Retry-After) instead
 * of waiting for a timeout. PostgreSQL runs queries elsewhere, so its bound is wider.
 */
export const DEFAULT_LIMITS: Record<'pglite' | 'postgres', LoadLimits> = {
  pglite: { concurrent: 8, waiting: 256, maxWaitMs: 2000 },
  postgres: { concurrent: 32, waiting: 1024, maxWaitMs: 2000 },
};

/** Weight of the newest request in the running mean of service time (about the last 20 requests count). */
const SERVICE_WEIGHT = 0.05;

const UNLIMITED = (url: string) => url.startsWith('/assets/') || url.startsWith('/public/') || isOperationalRequest(url);
const RETRY_AFTER_SECONDS = 2;

export function setUpLoadShedding(app: FastifyInstance, limits: LoadLimits): void {
  let active = 0;
  const queue: { go: () => void }[] = [];
  const holders = new WeakMap<FastifyRequest, number>();
  // How long a request holds its slot, on average lately: what a newcomer at the back of the queue
  // can expect to wait is the queue ahead of it times this, shared among the slots.
  let serviceMs = 0;

  const release = (request: FastifyRequest) => {
    const admittedAt = holders.get(request);
    if (admittedAt === undefined) return;
    holders.delete(request);
    const took = performance.now() - admittedAt;
    serviceMs = serviceMs === 0 ? took : serviceMs + SERVICE_WEIGHT * (took - serviceMs);
    const next = queue.shift();
    if (next) next.go();
    else active -= 1;
  };

  const refuse = (reply: FastifyReply) =>
    reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .type('text/plain; charset=utf-8')
      .send(`Convene is busy. Try again in ${RETRY_AFTER_SECONDS} seconds.`);

  app.addHook('onRequest', async (request, reply) => {
    if (UNLIMITED(request.url)) return;
    if (active < limits.concurrent) {
      active += 1;
      holders.set(request, performance.now());
      return;
    }
    if (queue.length >= limits.waiting) return refuse(reply);
    // A wait that would outlast maxWaitMs is refused now, not after the person has waited it out:
    // under a burst of slow pages the queue otherwise fills with requests that can only time out.
    if (((queue.length + 1) * serviceMs) / limits.concurrent > limits.maxWaitMs) return refuse(reply);
    const admitted = await new Promise<boolean>((resolve) => {
      const entry = { go: () => { clearTimeout(timer); resolve(true); } };
      const timer = setTimeout(() => {
        const at = queue.indexOf(entry);
        if (at >= 0) queue.splice(at, 1);
        resolve(false);
      }, limits.maxWaitMs);
      queue.push(entry);
    });
    if (!admitted) return refuse(reply);
    // The slot was handed over by the request that finished: `active` is unchanged.
    holders.set(request, performance.now());
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}
