import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { WebClient } from '../../../test/support/web-client.js';
import { loadSettings } from '../../config.js';
import { buildApp } from '../app.js';

type Line = Record<string, unknown> & { msg?: string; reqId?: string; userId?: string; req?: Record<string, unknown> };

// Synthetic names that appear nowhere else: if they reach a log line, a body or query was logged.
const GIVEN = 'Quillonbert';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FAMILY = 'Zephyrinedale';

describeEachEngine('structured request logs', (engine) => {
  const suite = suiteDatabase(engine);
  let app: FastifyInstance;
  let raw = '';
  let worker: WebClient;
  let userId: string;
  const lines = (): Line[] => raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

  beforeAll(async () => {
    // Behind a proxy (inject's requests come from 127.0.0.1): its X-Request-Id is kept.
    const settings = loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'info', CONVENE_DATA_DIR: '/tmp/convene-test-unused', TRUST_PROXY: '127.0.0.1' });
    const logStream = new Writable({ write(chunk, _encoding, done) { raw += String(chunk); done(); } });
    app = await buildApp({ settings, database: suite.handle(), clock: new TestClock().now, logStream });
    const orgId = (await createOrganisation(suite.db())).id;
    userId = (await createUser(suite.db(), { roles: ['social-worker'], username: 'logged-worker', organisationId: orgId })).id;
    worker = new WebClient(app);
    await worker.signIn('logged-worker', TEST_PASSWORD);
  });
  afterAll(async () => {
    await app.close();
  });

  it('keeps a plain X-Request-Id from the proxy, echoes it, and logs the request under it as JSON', async () => {
    raw = '';
    const res = await app.inject({ method: 'GET', url: '/sign-in', headers: { 'x-request-id': 'lb-7f3a.0001' } });
    expect(res.headers['x-request-id']).toBe('lb-7f3a.0001');
    const mine = lines().filter((l) => l.reqId === 'lb-7f3a.0001');
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[0]?.req).toMatchObject({ method: 'GET', path: '/sign-in' });
    expect(mine[1]).toMatchObject({ level: 30, res: { statusCode: 200 } });
    expect(typeof mine[1]?.responseTime).toBe('number');
  });

  it('makes up a UUID when there is no request id or it is not plain (spaces, newlines, too long)', async () => {
    for (const given of [undefined, 'forged\nline', 'has space', 'x'.repeat(129)]) {
      const res = await app.inject({ method: 'GET', url: '/sign-in', headers: given === undefined ? {} : { 'x-request-id': given } });
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
  });

  it('ignores X-Request-Id when no proxy is trusted: a client cannot choose the id its actions are audited under', async () => {
    const direct = await buildApp({ settings: loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONVENE_DATA_DIR: '/tmp/convene-test-unused' }), database: suite.handle(), logger: false });
    try {
      const res = await direct.inject({ method: 'GET', url: '/sign-in', headers: { 'x-request-id': 'chosen-by-client' } });
      expect(res.headers['x-request-id']).toMatch(UUID);
    } finally {
      await direct.close();
    }
  });

  it('adds the signed-in user id, and never logs a child’s name, a query string, a body or a cookie', async () => {
    raw = '';
    await worker.get('/people/new');
    const refused = await worker.post('/people/new', { kind: 'child', givenNames: GIVEN, familyName: FAMILY, dateOfBirth: '2099-01-01', sex: 'F' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(FAMILY); // the form shows it back: the name was really sent
    const created = await worker.post('/people/new', { kind: 'child', givenNames: GIVEN, familyName: FAMILY, dateOfBirth: '2016-04-04', sex: 'F' });
    expect(created.statusCode).toBe(302);
    const search = await worker.get(`/people/search?name=${FAMILY}`);
    expect(search.body).toContain(GIVEN);
    await worker.get(`/people/search?given=${GIVEN}&family=${FAMILY}&dob=2016-04-04`);
    // A page outside the worker's roles logs "access denied" with its url: the query goes there too.
    await worker.get(`/admin/users?q=${FAMILY}`);

    const all = lines();
    expect(all.length).toBeGreaterThan(8);
    expect(raw).not.toContain(GIVEN);
    expect(raw).not.toContain(FAMILY);
    expect(raw).not.toMatch(/convene_session|convene_csrf|_csrf=/);
    for (const cookie of worker.cookies.values()) expect(raw).not.toContain(cookie);

    const completed = all.filter((l) => l.msg === 'request completed');
    expect(completed.length).toBeGreaterThanOrEqual(6);
    expect(completed.every((l) => l.userId === userId)).toBe(true);
    const searchLine = all.find((l) => l.msg === 'incoming request' && (l.req as { path?: string } | undefined)?.path === '/people/search');
    expect(searchLine?.req).toEqual({ method: 'GET', path: '/people/search', route: '/people/search', remoteAddress: '127.0.0.1' });
  });
});
