import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents, cases, childProtectionPlans, enquiries, people, relationships } from '../../../../db/schema/index.js';
import { createApiClient, pruneApiUsage, revokeApiClient } from '../../../../modules/api-clients/api-clients.js';
import { seedDemo } from '../../../../modules/demo/seed-demo.js';
import { TestClock, testApp } from '../../../../../test/support/app.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { suiteDatabase } from '../../../../../test/support/suite-database.js';

const NOW = new Date('2026-12-07T03:10:00Z');

describeEachEngine('RG2–RG4: the enquiry API', (engine) => {
  const suite = suiteDatabase(engine);
  let app: FastifyInstance;
  let police: string;
  let health: string;
  const call = (key: string | null, url: string, body: unknown) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, payload: JSON.stringify(body) });
  beforeAll(async () => {
    await seedDemo(suite.db(), { password: null, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'convene-api-')), now: NOW, pack: 'national' });
    police = (await createApiClient(suite.db(), { agency: 'Demoshire Police (system)', phone: '01632 960100', perMinute: 8 }, NOW)).key;
    health = (await createApiClient(suite.db(), { agency: 'Demoshire Health (system)', phone: '01632 960200' }, NOW)).key;
    app = await testApp(suite.handle(), { clock: new TestClock(NOW), env: { CONVENE_PACK: 'national' } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('describes itself in OpenAPI 3.1', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/enquiries', '/enquiries/{id}/answer', '/enquiries/{id}/unknown']);
    expect(doc.paths['/enquiries'].post.requestBody.content['application/json'].schema.required).toEqual(['callerName', 'callerRole', 'child']);
  });

  it('refuses no key, a made-up key and a bad body with field-level errors; answers for a child it showed, once, with the same audit as the pages', async () => {
    const body = { callerName: 'Pat Examplecop', callerRole: 'Police sergeant', child: { given: '', family: '' } };
    expect((await call(null, '/api/v1/enquiries', body)).statusCode).toBe(401);
    expect((await call(`cvn_0123456789_${'a'.repeat(43)}`, '/api/v1/enquiries', body)).statusCode).toBe(401);
    const bad = await call(police, '/api/v1/enquiries', { callerName: 'Pat', callerRole: 'PS', child: { family: 'X' }, extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('extra');

    const [row] = await suite.db().select({ child: people }).from(childProtectionPlans)
      .innerJoin(people, eq(childProtectionPlans.childId, people.id)).innerJoin(cases, eq(cases.childId, people.id))
      .where(and(isNull(childProtectionPlans.endDate), isNull(cases.closedOn))).limit(1);
    const tooLittle = await call(police, '/api/v1/enquiries', { ...body, child: { family: row!.child.familyName } });
    expect(tooLittle.statusCode).toBe(400);
    expect(tooLittle.json().errors[0].field).toBe('given');

    const started = await call(police, '/api/v1/enquiries', { ...body, child: { given: row!.child.givenNames, family: row!.child.familyName } });
    expect(started.statusCode).toBe(201);
    const { enquiryId, candidates } = started.json();
    expect(candidates[0].childId).toBe(row!.child.id);
    expect(candidates[0]).not.toHaveProperty('plan');
    const shown = await suite.db().select().from(auditEvents).where(and(eq(auditEvents.action, 'child-shown-in-enquiry'), eq(auditEvents.recordId, enquiryId)));
    expect(shown.length).toBe(candidates.length);

    // Another agency's key may not answer this enquiry.
    const theirs = await call(health, `/api/v1/enquiries/${enquiryId}/answer`, { childId: row!.child.id });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json()).toEqual({ errors: [{ field: null, message: 'Only the person who took this enquiry can continue it.' }] });
    // Refusals are JSON for a machine, never a page: an enquiry that does not exist too.
    const unknown = await call(police, '/api/v1/enquiries/00000000-0000-4000-8000-000000000000/answer', { childId: row!.child.id });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0]).toMatchObject({ field: null });
    const answered = await call(police, `/api/v1/enquiries/${enquiryId}/answer`, { childId: row!.child.id });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().answer.join(' ')).toContain('On a child protection plan with Demoshire County Council (demo)');
    const [stored] = await suite.db().select().from(enquiries).where(eq(enquiries.id, enquiryId));
    expect(stored?.callerAgency).toBe('Demoshire Police (system)');
    expect(stored?.recognisedCallerId).not.toBeNull();
    expect(stored?.answer).toEqual(answered.json().answer);
    const twice = await call(police, `/api/v1/enquiries/${enquiryId}/answer`, { childId: row!.child.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toEqual({ errors: [{ field: null, message: expect.any(String) }] });
  });

  it('takes a parent’s name, says when the child’s recorded parent matches, and describes it in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/enquiries'].post.requestBody.content['application/json'].schema.properties.child.properties.parents).toMatchObject({ type: 'array', maxItems: 2 });

    const db = suite.db();
    const [rel] = await db.select({ rel: relationships }).from(relationships).innerJoin(people, eq(people.id, relationships.childId))
      .where(and(inArray(relationships.type, ['mother', 'father']), eq(people.kind, 'child'), isNotNull(people.dateOfBirth))).limit(1);
    const [child] = await db.select().from(people).where(eq(people.id, rel!.rel.childId));
    const [parent] = await db.select().from(people).where(eq(people.id, rel!.rel.personId));
    const body = { callerName: 'Nia Nurseworth', callerRole: 'Health visitor', child: { given: child!.givenNames, family: child!.familyName, parents: [{ given: parent!.givenNames, family: parent!.familyName }] } };
    const started = await call(health, '/api/v1/enquiries', body);
    expect(started.statusCode).toBe(201);
    const found = (started.json().candidates as { childId: string; strength: string; reasons: string[] }[]).find((c) => c.childId === child!.id);
    expect(found?.reasons).toContain(`${rel!.rel.type}'s name matches`);
    // Names and a parent's name without a date of birth or an address: corroborated, but not strong (score.ts).
    expect(found?.strength).toBe('possible');

    const bad = await call(health, '/api/v1/enquiries', { ...body, child: { ...body.child, parents: [{ given: 'Ann', family: 'X', nickname: 'Annie' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('child.parents.0.nickname');
  });

  it('holds each key to its per-minute limit however many requests arrive at once, and a revoked key stops at once', async () => {
    const limited = await createApiClient(suite.db(), { agency: 'Demoshire Ambulance (system)', phone: '01632 960400', perMinute: 5 }, NOW);
    const body = { callerName: 'Ann Ambulanceworth', callerRole: 'Paramedic', child: { given: 'Zebedee', family: 'Nonesuchworth' } };
    const results = await Promise.all(Array.from({ length: 14 }, () => call(limited.key, '/api/v1/enquiries', body)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(9);
    expect(results.find((r) => r.statusCode === 429)?.headers['retry-after']).toBeDefined();

    // The housekeeping job clears counters whose minute has long passed; this minute's stays.
    expect(await pruneApiUsage(suite.db(), NOW)).toBe(0);
    expect(await pruneApiUsage(suite.db(), new Date(NOW.getTime() + 2 * 60 * 60 * 1000))).toBeGreaterThan(0);

    await revokeApiClient(suite.db(), limited.id, NOW);
    expect((await call(limited.key, '/api/v1/enquiries', body)).statusCode).toBe(401);
  });

  it('records an unknown child, and tells a second agency of the first enquiry', async () => {
    const body = { callerName: 'Nia Nurseworth', callerRole: 'Nurse', child: { given: 'Quentin', family: 'Unheardofsby', dob: '2018-04-05' } };
    const first = (await call(health, '/api/v1/enquiries', body)).json();
    expect((await call(health, `/api/v1/enquiries/${first.enquiryId}/unknown`, { advice: '' })).statusCode).toBe(400);
    expect((await call(health, `/api/v1/enquiries/${first.enquiryId}/unknown`, { advice: 'Not known; refer if worried.' })).json().earlierEnquiry).toBeNull();
    const second = (await call(police, '/api/v1/enquiries', { ...body, callerName: 'Pat Examplecop' })).json();
    const told = await call(police, `/api/v1/enquiries/${second.enquiryId}/unknown`, { advice: 'Told of the earlier enquiry.' });
    expect(told.json().earlierEnquiry.agency).toBe('Demoshire Health (system)');
  });
});
