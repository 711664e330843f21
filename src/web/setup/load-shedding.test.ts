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

  it('refuses at once a request whose wait, at the recent service time, would outlast the limit', async () => {
    const { app, open } = appWithGate({ concurrent: 1, waiting: 100, maxWaitMs: 1000 });
    await app.ready();
    // One slow request teaches the limiter what a request costs: about 300 ms here.
    const taught = app.inject({ method: 'GET', url: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    open();
    expect((await taught).statusCode).toBe(200);
    const answerWithin = (ms: number) => {
      const answer = app.inject({ method: 'GET', url: '/slow' });
      return { answer, soon: Promise.race([answer.then((r) => r.statusCode), new Promise((resolve) => setTimeout(() => resolve('waiting'), ms))]) };
    };
    // The slot busy; three wait their turn (about 0.3, 0.6 and 0.9 s ahead of them: within the second).
    const holding = answerWithin(100);
    const waiting = [answerWithin(100), answerWithin(100), answerWithin(100)];
    expect(await Promise.all([holding.soon, ...waiting.map((w) => w.soon)])).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
    // A fourth would wait about 1.2 s: refused now rather than after waiting the second out.
    const late = answerWithin(100);
    expect(await late.soon).toBe(503);
    for (let i = 0; i < 4; i += 1) {
      open();
      await tick();
    }
    expect((await Promise.all([holding, ...waiting].map((w) => w.answer))).map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    await app.close();
  });
});
