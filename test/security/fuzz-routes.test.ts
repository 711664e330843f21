import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { householdMembers, planActions } from '../../src/db/schema/index.js';
import { ROLE_IDS, type Actor, type RoleId } from '../../src/policies/roles.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../support/database.js';
import { dataFingerprint, fill, idsOf, paramNames, seededApp, tableFor, testedRoutes, type RouteRow, type SeededApp } from './route-table.js';

/**
 * Issue 19, "Bad input: zero 5xx": every route of the app (from its own route table), as every
 * role, with hostile ids and hostile field values, in web forms and in JSON. Asserted for each
 * request: no 5xx; no `<script>` reflected unescaped into HTML; and a refused request (4xx)
 * changed no data at all. FUZZ_RUNS sets the cases per route (default 3: the suite stays well
 * under two minutes per engine on a busy machine).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const MARK = '<script>alert("cv19")</script>';

const hostileText = fc.oneof(
  fc.constantFrom(
    MARK, `"><${MARK.slice(1)}`, 'a\u0000b', '\u0000', 'x'.repeat(10_001), 'é'.repeat(9_999), '9999-12-31', '0001-01-01', '2026-02-30', '2026-13-45',
    '2'.repeat(10_240), '-1', '1e309', 'NaN', '', '   ', "'; drop table people; --", '../../../etc/passwd', '\u202e\u0000', '%00', 'true', '[]', '{}',
    '2026-03-02T10:00:00Z', '23:99', '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const hostileJsonValue = fc.oneof(hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(hostileText, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), hostileText, { maxKeys: 2 }));
const hostileId = fc.constantFrom('not-a-uuid', '------------------------------------', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', '00000000-0000-0000-0000-00000000000g', MARK, 'a\u0000b', '1', "1' or '1'='1", 'x'.repeat(5000));

describeEachEngine('fuzzing every route from the route table', (engine) => {
  let database: TestDatabase;
  let s: SeededApp;
  let routes: RouteRow[];
  const realIds = new Map<string, string[]>();
  const fields = new Map<string, string[]>();

  beforeAll(async () => {
    database = await freshDatabase(engine);
    s = await seededApp(database);
    routes = testedRoutes(s.app);
    for (const r of routes) for (const p of paramNames(r.url)) {
      const table = tableFor(r.url, p);
      if (table && !realIds.has(table)) realIds.set(table, await idsOf(s.db, table));
    }
  }, 240_000);
  afterAll(async () => {
    await s?.app.close();
    await database.drop();
  });

  const realValues = (url: string, pick: number): Record<string, string> =>
    Object.fromEntries(paramNames(url).map((p) => {
      if (p === 'format') return [p, ['pdf', 'docx', 'ics', 'html'][pick % 4]!];
      const ids = realIds.get(tableFor(url, p) ?? '') ?? [];
      return [p, ids.length ? ids[pick % ids.length]! : randomUUID()];
    }));

  /** The field names a POST route's own page shows (its GET twin), as any role that may open it. */
  async function fieldsOf(route: RouteRow, url: string): Promise<string[]> {
    const key = route.url;
    if (fields.has(key)) return fields.get(key)!;
    let names: string[] = [];
    for (const role of ROLE_IDS) {
      const res = await s.clients.get(role)!.get(url);
      if (res.statusCode === 200) {
        names = [...new Set([...res.body.matchAll(/name="([^"]+)"/g)].map((m) => m[1]!).filter((n) => n !== '_csrf'))];
        break;
      }
    }
    if (names.length === 0) names = ['name', 'reason', 'date', 'notes', 'version'];
    fields.set(key, names);
    return names;
  }

  /** Mostly a role the route lets in (so the hostile values reach the handler), sometimes any role. */
  const rolesFor = (route: RouteRow): RoleId[] => {
    const access = s.app.convene.routes.find((r) => r.method === route.method && r.url === route.url)?.access;
    if (typeof access !== 'function') return [...ROLE_IDS];
    const allowed = ROLE_IDS.filter((role) => access({ id: 'x', username: role, displayName: role, organisationId: 'x', teamId: null, roles: [role] } satisfies Actor));
    return allowed.length ? [...allowed, ...allowed, ...ROLE_IDS] : [...ROLE_IDS];
  };

  it('no 5xx, no unescaped script, and no write on a refused request, for every route, role and hostile value', async () => {
    let fingerprint = await dataFingerprint(s.db);
    let requests = 0;
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...rolesFor(route)), fc.nat(), fc.boolean(), hostileId, fc.constantFrom('form', 'json', 'json-array'), fc.array(hostileText, { minLength: 1, maxLength: 6 }), fc.array(hostileJsonValue, { minLength: 1, maxLength: 6 }),
          async (role: RoleId, pick, realParams, badId, bodyKind, texts, jsonValues) => {
            const params = realValues(route.url, pick);
            if (!realParams) for (const p of Object.keys(params)) if (p !== 'format') params[p] = badId;
            const url = fill(route.url, params);
            const client = s.clients.get(role)!;
            let res;
            if (route.method === 'GET') {
              res = await client.get(url);
            } else {
              const names = await fieldsOf(route, fill(route.url, realValues(route.url, pick)));
              const csrf = client.csrf ?? '';
              if (bodyKind === 'form') {
                const body = new URLSearchParams({ _csrf: csrf });
                names.forEach((n, i) => body.append(n, texts[i % texts.length]!));
                if (pick % 3 === 0) body.append(names[0]!, texts[0]!); // the same field twice: an array where a string is expected
                res = await client.inject({ method: 'POST', url, payload: body.toString(), contentType: 'application/x-www-form-urlencoded' });
              } else {
                const body = bodyKind === 'json-array' ? jsonValues : Object.fromEntries([['_csrf', csrf], ...names.map((n, i) => [n, jsonValues[i % jsonValues.length]])]);
                res = await client.inject({ method: 'POST', url, payload: JSON.stringify(body), contentType: 'application/json', headers: { 'x-csrf-token': csrf } });
              }
            }
            requests += 1;
            const what = `${role} ${route.method} ${url.slice(0, 160)} → ${res.statusCode}`;
            if (res.statusCode >= 500) failures.push(`5xx: ${what}`);
            if (String(res.headers['content-type'] ?? '').includes('html') && res.body.includes(MARK)) failures.push(`reflected script: ${what}`);
            if (route.method === 'POST') {
              const after = await dataFingerprint(s.db);
              if (res.statusCode >= 400 && after !== fingerprint) failures.push(`refused but wrote: ${what}`);
              fingerprint = after;
            }
          },
        ),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 19) },
      );
    }
    console.log(`fuzz [${engine}]: ${routes.length} routes, ${requests} requests, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 600_000);

  it('the findings of issue 19 each get a 4xx and write nothing', async () => {
    const worker = s.clients.get('social-worker')!;
    const support = s.clients.get('business-support')!;
    const [member] = await s.db.select().from(householdMembers).limit(1);
    const [personId] = await idsOf(s.db, 'people', 1);
    const [planId] = await idsOf(s.db, 'child_protection_plans', 1);
    const before = await dataFingerprint(s.db);
    // Routes that checked no id at all, and the loose /^[0-9a-f-]{36}$/ pattern.
    for (const url of ['/people/not-a-uuid/family', '/households/------------------------------------', `/households/${member!.householdId}/members/xyz/leave`, '/cases/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz']) {
      expect((await worker.get(url)).statusCode, url).toBe(404);
    }
    expect((await support.get('/professionals/%00')).statusCode).toBe(404);
    expect((await worker.post(`/people/${'-'.repeat(36)}/relationships`, { type: 'mother' })).statusCode).toBe(404);
    // A missing plan action is a 404, not a new action.
    const actionsBefore = await s.db.$count(planActions, eq(planActions.planId, planId!));
    expect((await worker.post(`/plans/${planId}/actions/${randomUUID()}`, { action: 'Injected', owner: 'X', ownerRole: 'Y', status: 'in-progress' })).statusCode).toBe(404);
    expect(await s.db.$count(planActions, eq(planActions.planId, planId!))).toBe(actionsBefore);
    // NUL bytes, a 10 KB "date", a household left on 9999-12-31, a report-sized flood: 400 naming the field.
    const nul = await worker.post(`/people/${personId}/edit`, { givenNames: 'A\u0000B' });
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('givenNames: This must not contain a NUL character');
    const longDate = await worker.post(`/households/${member!.householdId}/members/${member!.id}/leave`, { toDate: '2'.repeat(10_240) });
    expect(longDate.statusCode).toBe(400);
    const farFuture = await worker.post(`/households/${member!.householdId}/members/${member!.id}/leave`, { toDate: '9999-12-31' });
    expect(farFuture.statusCode).toBe(400);
    expect(farFuture.body).toContain('toDate: Enter a date between 1900 and 2100');
    // JSON with numbers and arrays where a page form expects text.
    const json = await worker.inject({ method: 'POST', url: `/people/${personId}/edit`, payload: JSON.stringify({ givenNames: 42, familyName: ['a', 'b'] }), contentType: 'application/json', headers: { 'x-csrf-token': worker.csrf ?? '' } });
    expect(json.statusCode).toBe(415);
    expect(await dataFingerprint(s.db)).toBe(before);
  });
});
