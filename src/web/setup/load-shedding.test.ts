import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { setUpLoadShedding } from './load-shedding.js';

/** A route that answers only when the test lets it, to hold requests in flight. */
function appWithGate(limits: { concurrent: number; waiting: number; maxWaitMs: number }) {
  const app = Fastify({ logger: false });
  setUpLoadShedding(app, limits);
  const gates: (() => void)[] = [];
  let started = 0;
  app.get('/slow', async () => {
    started += 1;
    await new Promise<void>((resolve) => gates.push(resolve));
    return 'done';
  });
  app.get('/health', async () => 'ok');
  return { app, open: () => gates.splice(0).forEach((g) => g()), started: () => started };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('load shedding', () => {
  it('serves a bounded number at once, queues a bounded number, and turns the rest away with 503 and Retry-After', async () => {
    const { app, open, started } = appWithGate({ concurrent: 2, waiting: 1, maxWaitMs: 10_000 });
    await app.ready();
    const inFlight = [1, 2, 3].map(() => app.inject({ method: 'GET', url: '/slow' }));
    await tick();
    expect(started()).toBe(2); // the third waits its turn
    const refused = await app.inject({ method: 'GET', url: '/slow' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200); // never limited
    open();
    await tick();
    expect(started()).toBe(3); // the waiting one ran when a slot came free
    open();
    expect((await Promise.all(inFlight)).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    // Slots are all handed back: a new burst is served again.
    const again = [1, 2].map(() => app.inject({ method: 'GET', url: '/slow' }));
    await tick();
    expect(started()).toBe(5);
    open();
    expect((await Promise.all(again)).map((r) => r.statusCode)).toEqual([200, 200]);
    await app.close();
  });

  it('turns away a request that waited too long, rather than letting it time out', async () => {
    const { app, open } = appWithGate({ concurrent: 1, waiting: 5, maxWaitMs: 50 });
    await app.ready();
    const first = app.inject({ method: 'GET', url: '/slow' });
    await tick();
    const waited = await app.inject({ method: 'GET', url: '/slow' });
    expect(waited.statusCode).toBe(503);
    open();
    expect((await first).statusCode).toBe(200);
    await app.close();
  });
});
