import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../config.js';
import { auditEvents, users } from '../../db/schema/index.js';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { startIdentityProvider, stopIdentityProviders, type TestIdentityProvider } from '../../../test/support/oidc-provider.js';
import type { ActionContext } from '../shared/action-context.js';
import { identityProvider, type IdentityProvider } from './identity-provider.js';
import { beginOidcSignIn, finishOidcSignIn, rolesFromGroups, type OidcSignInResult } from './oidc-sign-in.js';

/** The provider's clock and Convene's agree on this instant; no test reads the wall clock. */
const NOW = new Date('2026-03-02T10:00:00Z');
const REDIRECT = 'http://127.0.0.1:3999/sign-in/oidc/callback';

function settingsFor(idp: TestIdentityProvider, extra: NodeJS.ProcessEnv = {}) {
  const oidc = loadSettings({
    OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_REDIRECT_URL: REDIRECT, ...extra,
  }).oidc;
  if (!oidc) throw new Error('OIDC settings did not load');
  return oidc;
}

describe('sign-in with the authority\'s identity provider (a real oidc-provider on 127.0.0.1, PGlite)', () => {
  let database: TestDatabase;
  let idp: TestIdentityProvider;
  let other: TestIdentityProvider;
  let provider: IdentityProvider;
  let orgId: string;
  let address = 0;
  const context = (now = NOW): ActionContext => ({ actor: null, requestId: null, address: `198.51.100.${(address += 1)}`, now });

  /** Begin at Convene, sign in at the provider as `sub`, and hand the answer back to Convene. */
  async function signInThrough(sub: string, claims: Record<string, unknown>, options: { via?: IdentityProvider; now?: Date } = {}) {
    const via = options.via ?? provider;
    const begun = await beginOidcSignIn(via, { now: options.now ?? NOW, next: '/cases' });
    if (!begun.ok) throw begun.error;
    idp.signInAs(sub, claims);
    const back = await idp.browse(begun.url.href);
    return { begun, back, finish: (ctx = context(options.now)) => finishOidcSignIn(database.handle.db, via, ctx, { query: back.search, pending: begun.pending }) };
  }

  async function lastSignInAudit(): Promise<typeof auditEvents.$inferSelect | undefined> {
    const rows = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'sign-in'));
    return rows.sort((a, b) => Number(a.id) - Number(b.id)).at(-1);
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    database = await freshDatabase('pglite');
    orgId = (await createOrganisation(database.handle.db)).id;
    idp = await startIdentityProvider({ redirectUrl: REDIRECT });
    other = await startIdentityProvider({ redirectUrl: REDIRECT });
    provider = identityProvider(settingsFor(idp));
    await createUser(database.handle.db, { roles: ['chair'], username: 'ada.chair', email: 'Ada.Chair@demoshire.example', organisationId: orgId });
    await createUser(database.handle.db, { roles: ['social-worker'], username: 'gone', email: 'gone@demoshire.example', organisationId: orgId, active: false });
  }, 300_000);
  afterAll(async () => {
    vi.useRealTimers();
    await stopIdentityProviders(idp, other);
    await database?.drop();
  });

  it('signs in the active user whose email the provider vouches for (any case), audited as a sign-in through the provider', async () => {
    const { begun, finish } = await signInThrough('p-1', { email: 'ada.chair@DEMOSHIRE.example' });
    expect(begun.url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(begun.url.searchParams.get('state')).toBe(begun.pending.state);
    const result = await finish();
    expect(result.outcome).toBe('signed-in');
    expect(result.outcome === 'signed-in' && result.user.username).toBe('ada.chair');
    expect(result.outcome === 'signed-in' && result.next).toBe('/cases');
    const audit = await lastSignInAudit();
    expect(audit).toMatchObject({ outcome: 'success', username: 'ada.chair', details: { method: 'oidc', issuer: `${idp.issuer}/` } });
  });

  it('refuses the same answer twice: the code is single-use at the provider', async () => {
    const { finish } = await signInThrough('p-1', { email: 'ada.chair@demoshire.example' });
    expect((await finish()).outcome).toBe('signed-in');
    const again = await finish();
    expect(again).toMatchObject({ outcome: 'refused', reason: 'token-rejected' });
    expect(JSON.stringify((await lastSignInAudit())?.details)).toContain('invalid_grant');
  });

  it('refuses an answer whose state is not the one this browser was sent with, and one with no sign-in begun', async () => {
    const mine = await signInThrough('p-1', { email: 'ada.chair@demoshire.example' });
    const theirs = await signInThrough('p-1', { email: 'ada.chair@demoshire.example' });
    const crossed = await finishOidcSignIn(database.handle.db, provider, context(), { query: theirs.back.search, pending: mine.begun.pending });
    expect(crossed).toMatchObject({ outcome: 'refused', reason: 'state-mismatch' });
    const none = await finishOidcSignIn(database.handle.db, provider, context(), { query: theirs.back.search, pending: null });
    expect(none).toMatchObject({ outcome: 'refused', reason: 'not-started' });
    expect(await lastSignInAudit()).toMatchObject({ outcome: 'failure', reason: 'identity provider: not-started' });
  });

  it('refuses an ID token that has expired by Convene\'s clock', async () => {
    // Convene's clock is two hours on from the provider's (its ID tokens last an hour).
    const later = new Date(NOW.getTime() + 2 * 60 * 60 * 1000);
    const begun = await beginOidcSignIn(provider, { now: later, next: '/' });
    if (!begun.ok) throw begun.error;
    idp.signInAs('p-1', { email: 'ada.chair@demoshire.example' });
    const back = await idp.browse(begun.url.href);
    const result = await finishOidcSignIn(database.handle.db, provider, context(later), { query: back.search, pending: begun.pending });
    expect(result).toMatchObject({ outcome: 'refused', reason: 'token-expired' });
    expect(await lastSignInAudit()).toMatchObject({ outcome: 'failure', reason: 'identity provider: token-expired' });
  });

  it('refuses an answer from another issuer (a mix-up: the same client at a second provider)', async () => {
    const begun = await beginOidcSignIn(provider, { now: NOW, next: '/' });
    if (!begun.ok) throw begun.error;
    // The browser is sent to the other provider with Convene's own state, nonce and challenge.
    const elsewhere = new URL(begun.url.pathname + begun.url.search, other.issuer);
    other.signInAs('p-1', { email: 'ada.chair@demoshire.example' });
    const back = await other.browse(elsewhere.href);
    expect(back.searchParams.get('iss')).toBe(other.issuer);
    const result = await finishOidcSignIn(database.handle.db, provider, context(), { query: back.search, pending: begun.pending });
    expect(result).toMatchObject({ outcome: 'refused', reason: 'token-rejected' });
    expect(JSON.stringify((await lastSignInAudit())?.details)).toContain('iss');
  });

  it('refuses a provider whose discovery document names a different issuer (OIDC_ISSUER mistyped as localhost)', async () => {
    const misnamed = identityProvider(settingsFor(idp, { OIDC_ISSUER: idp.issuer.replace('127.0.0.1', 'localhost') }));
    const begun = await beginOidcSignIn(misnamed, { now: NOW, next: '/' });
    expect(begun.ok).toBe(false);
  });

  it('refuses an unknown user and a deactivated one, naming the value the provider sent, audited', async () => {
    const unknown: OidcSignInResult = await (await signInThrough('p-2', { email: 'nobody@demoshire.example' })).finish();
    expect(unknown).toMatchObject({ outcome: 'refused', reason: 'unknown-user', claimValue: 'nobody@demoshire.example' });
    expect(await lastSignInAudit()).toMatchObject({ outcome: 'failure', username: 'nobody@demoshire.example', reason: 'identity provider: unknown-user' });
    const gone = await (await signInThrough('p-3', { email: 'gone@demoshire.example' })).finish();
    expect(gone).toMatchObject({ outcome: 'refused', reason: 'deactivated-user' });
    expect((await lastSignInAudit())?.reason).toBe('identity provider: deactivated-user');
    const noClaim = await (await signInThrough('p-4', {})).finish();
    expect(noClaim).toMatchObject({ outcome: 'refused', reason: 'no-claim' });
  });

  it('matches preferred_username to the username when OIDC_USER_CLAIM says so', async () => {
    const byName = identityProvider(settingsFor(idp, { OIDC_USER_CLAIM: 'preferred_username' }));
    const result = await (await signInThrough('p-1', { preferred_username: 'Ada.Chair' }, { via: byName })).finish();
    expect(result.outcome === 'signed-in' && result.user.username).toBe('ada.chair');
  });

  it('gives the roles the groups map to, audited; no mapped group, no sign-in', async () => {
    const grouped = identityProvider(settingsFor(idp, { OIDC_GROUPS_CLAIM: 'groups', OIDC_GROUP_ROLES: '{"cp-chairs": "chair", "cp-managers": ["service-manager"]}' }));
    const result = await (await signInThrough('p-1', { email: 'ada.chair@demoshire.example', groups: ['cp-chairs', 'cp-managers', 'staff'] }, { via: grouped })).finish();
    expect(result.outcome).toBe('signed-in');
    const [row] = await database.handle.db.select().from(users).where(eq(users.username, 'ada.chair'));
    expect(row?.roles.sort()).toEqual(['chair', 'service-manager']);
    const [changed] = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'user-roles-from-identity-provider'));
    expect(changed?.details).toEqual({ before: ['chair'], after: ['chair', 'service-manager'] });
    const none = await (await signInThrough('p-1', { email: 'ada.chair@demoshire.example', groups: ['staff'] }, { via: grouped })).finish();
    expect(none).toMatchObject({ outcome: 'refused', reason: 'no-role' });
  });

  it('reads groups given as one string or a list, ignoring groups it does not map', () => {
    expect(rolesFromGroups('cp-chairs', { 'cp-chairs': ['chair'] })).toEqual(['chair']);
    expect(rolesFromGroups(['x', 'cp-chairs', 7], { 'cp-chairs': ['chair'] })).toEqual(['chair']);
    expect(rolesFromGroups(undefined, { 'cp-chairs': ['chair'] })).toEqual([]);
  });
});
