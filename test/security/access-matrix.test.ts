import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { people } from '../../src/db/schema/index.js';
import { ROLE_IDS, type RoleId } from '../../src/policies/roles.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../support/database.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../support/factories.js';
import { WebClient } from '../support/web-client.js';
import { fill, idsOf, paramNames, seededApp, tableFor, testedRoutes, type SeededApp } from './route-table.js';

/** Tables that are not a child's record: the agency directory, accounts, the outbox, rules. */
const NOT_CHILD_RECORDS = new Set(['users', 'organisations', 'professionals', 'outbox_messages']);

/**
 * Issue 19, the access matrix: every role × every GET route that takes a record (from the app's
 * route table, not a hand-kept list) × a record the person has no relationship to. The demo
 * authority's records are opened by a user of each role from another organisation (another
 * authority's staff; a partner agency practitioner with no invitation): each must get 403 or 404.
 * The demo's own users open the same URLs, to show the URLs are real.
 */
describeEachEngine('access matrix: no relationship, no record', (engine) => {
  let database: TestDatabase;
  let s: SeededApp;
  const outsiders = new Map<RoleId, WebClient>();
  beforeAll(async () => {
    database = await freshDatabase(engine);
    s = await seededApp(database);
    const otherAuthority = await createOrganisation(s.db, { kind: 'local-authority', name: 'Otherborough Council (test)' });
    const otherAgency = await createOrganisation(s.db, { kind: 'health', name: 'Elsewhere Health (test)' });
    for (const role of ROLE_IDS) {
      const user = await createUser(s.db, { roles: [role], organisationId: role === 'agency-practitioner' ? otherAgency.id : otherAuthority.id, username: `outsider-${role}` });
      const client = new WebClient(s.app);
      expect((await client.signIn(user.username, TEST_PASSWORD)).statusCode).toBe(302);
      outsiders.set(role, client);
    }
  }, 240_000);
  afterAll(async () => {
    await s?.app.close();
    await database.drop();
  });

  const recordsToAttack = async (table: string): Promise<string[]> => {
    if (table !== 'people') return idsOf(s.db, table, 2);
    const [adult] = await s.db.select({ id: people.id }).from(people).where(eq(people.kind, 'adult')).limit(1);
    const [child] = await s.db.select({ id: people.id }).from(people).where(eq(people.kind, 'child')).limit(1);
    return [adult?.id, child?.id].filter((id): id is string => Boolean(id));
  };

  it('every role, every GET route taking a child’s record: 403 or 404 without a relationship', async () => {
    const routes = testedRoutes(s.app).filter((r) => r.method === 'GET' && paramNames(r.url).some((p) => {
      const table = tableFor(r.url, p);
      return table !== null && !NOT_CHILD_RECORDS.has(table);
    }));
    const ids = new Map<string, string[]>();
    const leaks: string[] = [];
    let opened = 0;
    for (const route of routes) {
      // Two records per table (for people: an adult and a child), so both kinds of record are attacked.
      for (const pick of [0, 1]) {
        const values: Record<string, string> = {};
        for (const p of paramNames(route.url)) {
          if (p === 'format') { values[p] = 'pdf'; continue; }
          const table = tableFor(route.url, p)!;
          if (!ids.has(table)) ids.set(table, await recordsToAttack(table));
          const found = ids.get(table)!;
          values[p] = found[pick % Math.max(found.length, 1)] ?? '00000000-0000-4000-8000-000000000000';
        }
        const url = fill(route.url, values);
        for (const role of ROLE_IDS) {
          const res = await outsiders.get(role)!.get(url);
          if (![403, 404].includes(res.statusCode)) leaks.push(`${role} GET ${url} → ${res.statusCode}`);
          if (pick === 0 && (await s.clients.get(role)!.get(url)).statusCode === 200) opened += 1;
        }
      }
    }
    console.log(`access matrix [${engine}]: ${routes.length} routes × ${ROLE_IDS.length} roles; the demo's own users opened ${opened}; ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    expect(opened).toBeGreaterThan(routes.length / 2);
  }, 600_000);
});
