import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { invitations, outboxMessages, people, reportAccessLinks, users } from '../../src/db/schema/index.js';
import { issueReportLink } from '../../src/modules/report-links/issue-report-link.js';
import { ROLE_IDS, type RoleId } from '../../src/policies/roles.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../support/database.js';
import { createOrganisation, createTeam, createUser, TEST_PASSWORD } from '../support/factories.js';
import { WebClient } from '../support/web-client.js';
import { DEMO_NOW, dataFingerprint, fill, idsOf, paramNames, seededApp, tableFor, testedRoutes, type RouteRow, type SeededApp } from './route-table.js';

/** Tables that are not a child's record: the agency directory, accounts, the outbox, rules. */
const NOT_CHILD_RECORDS = new Set(['users', 'organisations', 'professionals', 'outbox_messages']);

/** Roles whose access to a child follows their work with the child (need-to-know): tested from inside the authority too. */
const NEED_TO_KNOW_ROLES = ['social-worker', 'team-manager', 'chair'] as const;

/**
 * Issue 19, the access matrix: every role × every route that takes a record (from the app's
 * route table, not a hand-kept list) × a record the person has no relationship to. The demo
 * authority's records are opened by a user of each role from another organisation (another
 * authority's staff; a partner agency practitioner with no invitation), and by the authority's
 * own social worker, team manager and chair of another team with no working relationship with
 * the demo children (need-to-know: the break-glass page, 403): each GET must get 403 or 404, and
 * each POST must be refused (403, 404 or back to sign-in) and write nothing.
 * The demo's own users open the same URLs, to show the URLs are real. A partner practitioner
 * in through a report link (issue 17), holding an invitation to another conference, is refused alike.
 */
describeEachEngine('access matrix: no relationship, no record', (engine) => {
  let database: TestDatabase;
  let s: SeededApp;
  const outsiders = new Map<RoleId, WebClient>();
  /** The authority's own staff in another team: no allocation, no invitation, no conference to chair. */
  const insiders = new Map<RoleId, WebClient>();
  /**
   * Issue 17: a partner practitioner without an account, in through the report link of an
   * invitation to a demo conference that is not among the records attacked: no role, one invitation.
   */
  let linkHolder: WebClient;
  async function openReportLink(): Promise<WebClient> {
    const attacked = await idsOf(s.db, 'conferences', 2);
    const [invitation] = await s.db.select().from(invitations)
      .where(and(eq(invitations.inviteeKind, 'professional'), inArray(invitations.state, ['sent', 'confirmed']), isNotNull(invitations.email), notInArray(invitations.conferenceId, attacked)))
      .limit(1);
    if (!invitation) throw new Error('the demo has no invitation to a conference outside the attacked ones');
    const token = await issueReportLink(s.db, invitation.id, new Date(DEMO_NOW.getTime() + 7 * 24 * 3600_000), DEMO_NOW);
    const client = new WebClient(s.app);
    expect((await client.get(`/report-access/${token}`)).statusCode).toBe(200);
    const [link] = await s.db.select({ id: reportAccessLinks.id }).from(reportAccessLinks).where(eq(reportAccessLinks.invitationId, invitation.id));
    const [sent] = await s.db.select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'report-link'), eq(outboxMessages.relatedId, link!.id)));
    const entered = await client.post(`/report-access/${token}`, { code: /\b(\d{6})\b/.exec(sent!.bodyText)![1]! });
    expect(entered.statusCode).toBe(302);
    expect((await client.get(entered.headers.location as string)).statusCode).toBe(200); // their own report form, and its CSRF token
    return client;
  }
  beforeAll(async () => {
    database = await freshDatabase(engine);
    s = await seededApp(database);
    const otherAuthority = await createOrganisation(s.db, { kind: 'local-authority', name: 'Otherborough Council (test)' });
    const otherAgency = await createOrganisation(s.db, { kind: 'health', name: 'Elsewhere Health (test)' });
    for (const role of ROLE_IDS) {
      const user = await createUser(s.db, { roles: [role], organisationId: role === 'agency-practitioner' ? otherAgency.id : otherAuthority.id, username: `outsider-${role}` });
      const client = new WebClient(s.app);
      expect((await client.signIn(user.username, TEST_PASSWORD)).statusCode).toBe(302);
      await client.get('/'); // the session's CSRF token, for the POSTs
      outsiders.set(role, client);
    }
    const [demoSocialWorker] = await s.db.select({ organisationId: users.organisationId }).from(users).where(eq(users.username, 'social-worker'));
    const otherTeam = await createTeam(s.db, demoSocialWorker!.organisationId, 'Safeguarding Team South (test)');
    for (const role of NEED_TO_KNOW_ROLES) {
      const user = await createUser(s.db, { roles: [role], organisationId: demoSocialWorker!.organisationId, teamId: otherTeam.id, username: `other-team-${role}` });
      const client = new WebClient(s.app);
      expect((await client.signIn(user.username, TEST_PASSWORD)).statusCode).toBe(302);
      await client.get('/');
      insiders.set(role, client);
    }
    linkHolder = await openReportLink();
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
        const held = await linkHolder.get(url);
        if (![403, 404].includes(held.statusCode)) leaks.push(`report link holder GET ${url} → ${held.statusCode}`);
        // The break-glass page is the door itself: it names no child (break-glass-pages.test.ts).
        if (!route.url.startsWith('/break-glass/')) for (const [role, client] of insiders) {
          const res = await client.get(url);
          if (![403, 404].includes(res.statusCode)) leaks.push(`other-team ${role} GET ${url} → ${res.statusCode}`);
        }
      }
    }
    console.log(`access matrix [${engine}]: ${routes.length} routes × ${ROLE_IDS.length} roles and a report link holder; the demo's own users opened ${opened}; ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    expect(opened).toBeGreaterThan(routes.length / 2);
  }, 600_000);
  /** The field names a POST route's own page shows (its GET twin), as the first demo role that may open it. */
  async function fieldsOf(url: string): Promise<string[]> {
    for (const role of ROLE_IDS) {
      const res = await s.clients.get(role)!.get(url);
      if (res.statusCode === 200) return [...new Set([...res.body.matchAll(/name="([^"]+)"/g)].map((m) => m[1]!).filter((n) => n !== '_csrf'))];
    }
    return [];
  }

  /** A plausible value for a field, so a request that got past the door would write. */
  const plausible = (name: string): string =>
    /date|day/i.test(name) || /On$/.test(name) ? '2026-03-02' : /time/i.test(name) ? '10:00' : /version/i.test(name) ? '1' : /email/i.test(name) ? 'matrix@example.gov.uk' : 'Access matrix: written by someone with no relationship';

  it('every role, every POST route taking a child’s record: refused, and nothing written, without a relationship', async () => {
    // The break-glass form is the one door a person with no relationship may use (it writes the grant, by design): break-glass-pages.test.ts.
    const routes: RouteRow[] = testedRoutes(s.app).filter((r) => r.method === 'POST' && !r.url.startsWith('/break-glass/') && paramNames(r.url).some((p) => {
      const table = tableFor(r.url, p);
      return table !== null && !NOT_CHILD_RECORDS.has(table);
    }));
    const ids = new Map<string, string[]>();
    const leaks: string[] = [];
    let requests = 0;
    const skipped: string[] = [];
    let fingerprint = await dataFingerprint(s.db);
    for (const route of routes) {
      const values: Record<string, string> = {};
      for (const p of paramNames(route.url)) {
        if (p === 'format') { values[p] = 'pdf'; continue; }
        const table = tableFor(route.url, p);
        if (!table) { values[p] = ''; continue; }
        if (!ids.has(table)) ids.set(table, await recordsToAttack(table));
        values[p] = ids.get(table)![1] ?? ids.get(table)![0] ?? '';
      }
      // No such record in the demo: nothing to attack (a missing record's 404 is the fuzzer's, fuzz-routes.test.ts).
      if (Object.values(values).includes('')) { skipped.push(route.url); continue; }
      const url = fill(route.url, values);
      const names = await fieldsOf(url);
      const form = Object.fromEntries((names.length ? names : ['reason', 'notes', 'version']).map((n) => [n, plausible(n)]));
      const statuses: string[] = [];
      const holders = new Map<string, WebClient>([['report-link', linkHolder]]);
      for (const [who, clients] of [['outsider', outsiders], ['other-team', insiders], ['link-holder', holders]] as const) {
        for (const [role, client] of clients) {
          const res = await client.post(url, form);
          requests += 1;
          const toSignIn = res.statusCode === 302 && String(res.headers.location ?? '').startsWith('/sign-in');
          statuses.push(`${who} ${role} → ${res.statusCode}`);
          if (![403, 404].includes(res.statusCode) && !toSignIn) leaks.push(`${who} ${role} POST ${url} → ${res.statusCode} ${res.headers.location ?? ''}`);
        }
      }
      const after = await dataFingerprint(s.db);
      if (after !== fingerprint) leaks.push(`POST ${url} wrote data (${statuses.join('; ')})`);
      fingerprint = after;
    }
    console.log(`access matrix, POST [${engine}]: ${routes.length} routes × ${outsiders.size + insiders.size} people, ${requests} requests; ${leaks.length} leaks; no demo record for ${skipped.length} (${skipped.join(', ')})`);
    expect(leaks).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
  }, 900_000);
});
