import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, TestClock } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { createUser } from '../../../test/support/factories.js';
import { WebClient } from '../../../test/support/web-client.js';
import { enqueueMessage } from '../../modules/outbox/enqueue-message.js';

const TOKEN = 'metrics-token-for-tests-0123456789abcdef';

/** The value of one sample line in Prometheus text, e.g. sample(text, 'x_total{a="b"}'); null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describeEachEngine('/metrics', (engine) => {
  const suite = suiteDatabase(engine);
  let app: FastifyInstance;
  let hidden: FastifyInstance;
  const clock = new TestClock(new Date('2026-03-02T10:00:00Z'));
  const scrape = () => app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

  beforeAll(async () => {
    app = await testApp(suite.handle(), { clock, env: { METRICS_TOKEN: TOKEN } });
    hidden = await testApp(suite.handle(), { clock });
  });
  afterAll(async () => {
    await app.close();
    await hidden.close();
  });

  it('is 404 without METRICS_TOKEN, and 404 to a scraper without the right bearer token', async () => {
    expect((await hidden.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, authorization).toBe(404);
      expect(res.body).not.toContain('convene_');
    }
    const ok = await scrape();
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(ok.headers['set-cookie']).toBeUndefined();
    // Node's default process metrics come along.
    expect(ok.body).toContain('process_cpu_user_seconds_total');
    expect(ok.body).toContain('nodejs_eventloop_lag_seconds');
  });

  it('times requests by route pattern, never by raw URL, with unmatched paths under one label', async () => {
    const unmatched = 'convene_http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}';
    const before = sample((await scrape()).body, unmatched) ?? 0;
    const id = randomUUID();
    expect((await app.inject({ method: 'GET', url: `/people/${id}` })).statusCode).toBe(302); // to sign in
    await app.inject({ method: 'GET', url: `/people/${randomUUID()}` });
    await app.inject({ method: 'GET', url: '/no-such-page-4471' });
    const text = (await scrape()).body;
    expect(sample(text, 'convene_http_request_duration_seconds_count{method="GET",route="/people/:id",status_code="302"}')).toBe(2);
    expect(sample(text, unmatched)).toBe(before + 1);
    expect(text).toContain('convene_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/people/:id",status_code="302"}');
    expect(text).not.toContain(id);
    expect(text).not.toContain('no-such-page-4471');
  });

  it('counts refused sign-ins by step and reason', async () => {
    await createUser(suite.db(), { roles: ['social-worker'], username: 'metered' });
    const client = new WebClient(app);
    const before = sample((await scrape()).body, 'convene_sign_in_failures_total{step="password",reason="wrong-credentials"}') ?? 0;
    expect((await client.signIn('metered', 'not the password at all')).statusCode).toBe(401);
    expect((await client.post('/sign-in', { username: 'nobody-here', password: 'not the password at all' })).statusCode).toBe(401);
    const text = (await scrape()).body;
    expect(sample(text, 'convene_sign_in_failures_total{step="password",reason="wrong-credentials"}')).toBe(before + 2);
  });

  it('reports the outbox backlog by status and the age of the oldest waiting message, counted at scrape', async () => {
    const empty = (await scrape()).body;
    expect(sample(empty, 'convene_outbox_backlog{status="queued"}')).toBe(0);
    expect(sample(empty, 'convene_outbox_oldest_waiting_seconds')).toBe(0);
    const message = { channel: 'email' as const, toName: 'A Professional', toAddress: 'pro@example.invalid', subject: 'Invitation', bodyText: 'Synthetic.' };
    await enqueueMessage(suite.db(), message, new Date(clock.current.getTime() - 90_000));
    await enqueueMessage(suite.db(), message, new Date(clock.current.getTime() - 30_000));
    const text = (await scrape()).body;
    expect(sample(text, 'convene_outbox_backlog{status="queued"}')).toBe(2);
    expect(sample(text, 'convene_outbox_backlog{status="failed"}')).toBe(0);
    expect(sample(text, 'convene_outbox_oldest_waiting_seconds')).toBe(90);
  });
});
