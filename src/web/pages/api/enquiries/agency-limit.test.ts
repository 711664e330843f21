import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../../../../db/schema/index.js';
import { createApiClient } from '../../../../modules/api-clients/api-clients.js';
import { TestClock, testApp } from '../../../../../test/support/app.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { suiteDatabase } from '../../../../../test/support/suite-database.js';
import { createOrganisation } from '../../../../../test/support/factories.js';

const NOW = new Date('2026-12-07T03:10:20Z');
const AGENCY_LIMIT = 6;

describeEachEngine('the enquiry API’s limit per agency, across its keys', (engine) => {
  const suite = suiteDatabase(engine);
  let app: FastifyInstance;
  let clock: TestClock;
  const keys: { first: string; second: string; other: string } = { first: '', second: '', other: '' };
  const body = { callerName: 'Pat Examplecop', callerRole: 'Police sergeant', child: { given: 'Zebedee', family: 'Nonesuchworth' } };
  const call = (key: string) =>
    app.inject({ method: 'POST', url: '/api/v1/enquiries', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, payload: JSON.stringify(body) });

  beforeAll(async () => {
    const db = suite.db();
    await createOrganisation(db, { name: 'Demoshire County Council (test)' });
    // Two keys of one force (its control room and its custody suite), each well inside its own limit.
    keys.first = (await createApiClient(db, { agency: 'Demoshire Police', phone: '01632 960100', perMinute: 50 }, NOW)).key;
    keys.second = (await createApiClient(db, { agency: 'demoshire  police ', phone: '01632 960101', perMinute: 50 }, NOW)).key;
    keys.other = (await createApiClient(db, { agency: 'Demoshire Health', phone: '01632 960200', perMinute: 50 }, NOW)).key;
    clock = new TestClock(NOW);
    app = await testApp(suite.handle(), { clock, env: { CONVENE_API_AGENCY_PER_MINUTE: String(AGENCY_LIMIT) } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses an agency’s requests past its shared limit through any of its keys, with Retry-After and one audit, while another agency is unaffected', async () => {
    const sent = Array.from({ length: 15 }, (_, i) => call(i % 2 ? keys.second : keys.first));
    const results = await Promise.all(sent);
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(AGENCY_LIMIT);
    expect(codes.filter((c) => c === 429)).toHaveLength(15 - AGENCY_LIMIT);
    const refused = results.find((r) => r.statusCode === 429)!;
    expect(refused.headers['retry-after']).toBe('40');
    expect(refused.json().errors[0].message).toMatch(/at most 6 a minute for demoshire +police, across all its keys/i);

    // The other agency's share is its own.
    expect((await call(keys.other)).statusCode).toBe(201);

    const audited = await suite.db().select().from(auditEvents).where(and(eq(auditEvents.action, 'api-rate-limited'), eq(auditEvents.outcome, 'denied')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toMatchObject({ limit: 'agency', perMinute: AGENCY_LIMIT, retryAfterSeconds: 40 });

    // The next minute the agency's share is whole again.
    clock.advanceMinutes(1);
    expect((await call(keys.second)).statusCode).toBe(201);
  });
});
