import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, sessions } from '../../../db/schema/index.js';
import { hashSessionId } from '../../../modules/accounts/session-store.js';
import { testApp, TestClock } from '../../../../test/support/app.js';
import { freshDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { startIdentityProvider, stopIdentityProviders, type TestIdentityProvider } from '../../../../test/support/oidc-provider.js';
import { WebClient } from '../../../../test/support/web-client.js';

/** The provider's clock and Convene's start at this instant; no test reads the wall clock. */
const NOW = new Date('2026-03-02T10:00:00Z');
const REDIRECT = 'http://127.0.0.1:3999/sign-in/oidc/callback';

describe('sign-in with the authority\'s identity provider, through the app (a real oidc-provider on 127.0.0.1, PGlite)', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let idp: TestIdentityProvider;
  let other: TestIdentityProvider;
  const clock = new TestClock(new Date(NOW));

  const sessionCookie = (client: WebClient) => decodeURIComponent(client.cookies.get('convene_session') ?? '').replace(/\.[^.]+$/, '');

  /** The browser's round trip: Convene → the provider (signed in there as `email`) → back to Convene's callback URL. */
  async function toProviderAndBack(client: WebClient, email: string, via = idp): Promise<{ callback: string; redirect: string }> {
    const start = await client.get('/sign-in/oidc?next=%2Fcases');
    expect(start.statusCode).toBe(302);
    const location = new URL(start.headers.location as string);
    via.signInAs(`sub-${email}`, { email });
    const back = await via.browse(new URL(location.pathname + location.search, via.issuer).href);
    return { callback: back.pathname + back.search, redirect: location.href };
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    database = await freshDatabase('pglite');
    idp = await startIdentityProvider({ redirectUrl: REDIRECT });
    other = await startIdentityProvider({ redirectUrl: REDIRECT });
    app = await testApp(database.handle, {
      clock,
      env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_REDIRECT_URL: REDIRECT, OIDC_DISPLAY_NAME: 'Demoshire staff account', METRICS_TOKEN: 'm'.repeat(32) },
    });
    const orgId = (await createOrganisation(database.handle.db)).id;
    await createUser(database.handle.db, { roles: ['chair'], username: 'ada.chair', email: 'ada.chair@demoshire.example', organisationId: orgId });
    await createUser(database.handle.db, { roles: ['chair'], username: 'gone', email: 'gone@demoshire.example', organisationId: orgId, active: false });
  }, 300_000);
  afterAll(async () => {
    vi.useRealTimers();
    await app?.close();
    await stopIdentityProviders(idp, other);
    await database?.drop();
  });

  it('offers the provider on the sign-in page, keeping where the person was going', async () => {
    const page = await new WebClient(app).get('/sign-in?next=%2Fcases');
    expect(page.body).toContain('Sign in with Demoshire staff account');
    expect(page.body).toContain('href="/sign-in/oidc?next=%2Fcases"');
  });

  it('signs in as a local sign-in does: a new session id for the user, then the page they wanted; audited', async () => {
    const client = new WebClient(app);
    const { callback, redirect } = await toProviderAndBack(client, 'ada.chair@demoshire.example');
    expect(new URL(redirect).searchParams.get('code_challenge_method')).toBe('S256');
    const before = sessionCookie(client);
    const [pending] = await database.handle.db.select().from(sessions).where(eq(sessions.idHash, hashSessionId(before)));
    expect(pending?.userId).toBeNull(); // the visitor's session holds only the pending sign-in

    const done = await client.get(callback);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/cases');
    const after = sessionCookie(client);
    expect(after).not.toBe(before);
    expect(await database.handle.db.select().from(sessions).where(eq(sessions.idHash, hashSessionId(before)))).toEqual([]);
    const [signedIn] = await database.handle.db.select().from(sessions).where(eq(sessions.idHash, hashSessionId(after)));
    expect(signedIn?.userId).not.toBeNull();
    expect((await client.get('/')).body).toContain('Your work');
    const audits = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'sign-in'));
    expect(audits.some((a) => a.outcome === 'success' && a.username === 'ada.chair' && (a.details as { method?: string })?.method === 'oidc')).toBe(true);
  });

  it('refuses the provider\'s answer replayed (in the same browser or another) with a page saying to start again', async () => {
    const client = new WebClient(app);
    const { callback } = await toProviderAndBack(client, 'ada.chair@demoshire.example');
    expect((await client.get(callback)).statusCode).toBe(302);
    expect((await client.get(callback)).statusCode).toBe(400); // the state went with the first use
    const replayed = await new WebClient(app).get(callback);
    expect(replayed.statusCode).toBe(400);
    expect(replayed.body).toContain('Your sign-in could not be finished');
    expect(replayed.body).toContain('href="/sign-in"');
  });

  it('refuses an answer meant for another browser\'s sign-in (state mismatch)', async () => {
    const mine = new WebClient(app);
    await toProviderAndBack(mine, 'ada.chair@demoshire.example');
    const { callback: theirs } = await toProviderAndBack(new WebClient(app), 'ada.chair@demoshire.example');
    const res = await mine.get(theirs);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Your sign-in could not be finished');
    expect(mine.cookies.has('convene_session')).toBe(true);
    expect((await mine.get('/')).statusCode).toBe(302); // still not signed in
  });

  it('refuses an ID token expired by Convene\'s clock', async () => {
    clock.current = new Date(NOW.getTime() + 2 * 60 * 60 * 1000);
    try {
      const client = new WebClient(app);
      const { callback } = await toProviderAndBack(client, 'ada.chair@demoshire.example');
      const res = await client.get(callback);
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('could not accept: it had expired');
    } finally {
      clock.current = new Date(NOW);
    }
  });

  it('refuses an answer from another issuer', async () => {
    const client = new WebClient(app);
    const { callback } = await toProviderAndBack(client, 'ada.chair@demoshire.example', other);
    const res = await client.get(callback);
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('sent an answer that Convene could not accept');
  });

  it('refuses an unknown and a deactivated user with a page saying what to do, audited', async () => {
    const stranger = new WebClient(app);
    const unknown = await stranger.get((await toProviderAndBack(stranger, 'nobody@demoshire.example')).callback);
    expect(unknown.statusCode).toBe(403);
    expect(unknown.body).toContain('no Convene account has that email address');
    expect(unknown.body).toContain('nobody@demoshire.example');
    expect(unknown.body).toContain('Ask your Convene administrator');
    const leaver = new WebClient(app);
    const gone = await leaver.get((await toProviderAndBack(leaver, 'gone@demoshire.example')).callback);
    expect(gone.statusCode).toBe(403);
    expect(gone.body).toContain('has been closed');
    const refusals = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'sign-in'));
    expect(refusals.filter((a) => a.outcome === 'failure').map((a) => a.reason)).toEqual(expect.arrayContaining(['identity provider: unknown-user', 'identity provider: deactivated-user']));
    const metrics = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${'m'.repeat(32)}` } });
    expect(metrics.body).toMatch(/convene_sign_in_failures_total\{step="identity-provider",reason="no-convene-user"\} 2/);
  });

  it('without OIDC settings there is no button and no route', async () => {
    const plain = await testApp(database.handle, { clock });
    try {
      expect((await plain.inject({ method: 'GET', url: '/sign-in' })).body).not.toContain('Sign in with');
      expect((await plain.inject({ method: 'GET', url: '/sign-in/oidc' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
