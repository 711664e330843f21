import { eq, sql } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Database, Queryable } from '../../db/client.js';
import { addressThrottles, users } from '../../db/schema/index.js';
import type { RoleId } from '../../policies/roles.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import type { IdentityProvider } from './identity-provider.js';
import type { UserRow } from './load-actor.js';
import { countAddressFailure } from './sign-in.js';
import { isBlocked } from './throttle.js';

/** What Convene keeps (server-side, in the visitor's session) between sending someone to the provider and their return. */
export interface PendingOidcSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
  startedAt: string;
}

/** Long enough to type a password and a code at the provider; a return later than this starts again. */
export const PENDING_SIGN_IN_MS = 10 * 60 * 1000;

export type OidcRefusal =
  | 'not-started' // no sign-in was begun in this browser, it was used already, or it took too long
  | 'state-mismatch'
  | 'provider-refused' // the provider answered with an error (the person cancelled, or it refused them)
  | 'token-expired'
  | 'token-rejected' // wrong issuer, audience, signature, nonce or PKCE: not to be trusted
  | 'provider-unavailable'
  | 'no-claim'
  | 'unknown-user'
  | 'deactivated-user'
  | 'several-users'
  | 'no-role'
  | 'address-blocked';

export type OidcSignInResult =
  | { outcome: 'signed-in'; user: UserRow; next: string }
  | { outcome: 'refused'; reason: OidcRefusal; claimValue?: string; until?: Date };

/** The address the person's browser is sent to, and what must be kept until they come back. */
export async function beginOidcSignIn(
  provider: IdentityProvider,
  input: { now: Date; next: string },
): Promise<{ ok: true; url: URL; pending: PendingOidcSignIn } | { ok: false; error: unknown }> {
  let configuration: client.Configuration;
  try {
    configuration = await provider.configurationAt(input.now);
  } catch (error) {
    return { ok: false, error };
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const pending: PendingOidcSignIn = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    next: input.next,
    startedAt: input.now.toISOString(),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: provider.settings.redirectUrl.href,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { ok: true, url, pending };
}

/**
 * The provider's answer, checked (state, PKCE, the ID token's issuer, audience, signature, nonce
 * and times, by the app's clock) and turned into a Convene user. The caller has already removed
 * `pending` from the session, so a state is used once whatever happens here. Every refusal is
 * audited and counted against the address, as a failed local sign-in is; the account's own
 * failure count is not touched: nobody guessed its password.
 */
export async function finishOidcSignIn(
  db: Database,
  provider: IdentityProvider,
  context: ActionContext,
  input: { query: string; pending: PendingOidcSignIn | null },
): Promise<OidcSignInResult> {
  const address = context.address ?? 'unknown';
  const [throttle] = await db.select().from(addressThrottles).where(eq(addressThrottles.address, address));
  if (throttle && isBlocked(throttle.blockedUntil, context.now)) {
    await recordAudit(db, context, { action: 'sign-in', outcome: 'denied', reason: 'address blocked', details: { method: 'oidc' } });
    return { outcome: 'refused', reason: 'address-blocked', until: throttle.blockedUntil as Date };
  }

  const { pending } = input;
  const returnedState = new URLSearchParams(input.query).get('state');
  if (!pending || context.now.getTime() - Date.parse(pending.startedAt) > PENDING_SIGN_IN_MS) {
    return refuse(db, context, 'not-started', null);
  }
  if (returnedState !== pending.state) return refuse(db, context, 'state-mismatch', null);

  let claims: client.IDToken;
  let configuration: client.Configuration;
  try {
    configuration = await provider.configurationAt(context.now);
  } catch (error) {
    return refuse(db, context, 'provider-unavailable', null, describe(error));
  }
  try {
    // The answer is read against the configured redirect URL, never the Host the request claims.
    const current = new URL(provider.settings.redirectUrl);
    current.search = input.query;
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return refuse(db, context, 'token-rejected', null, 'no ID token');
    claims = idToken;
    provider.keepKeys(configuration);
    // Some providers put only `sub` in the ID token and the rest at userinfo.
    if (claims[provider.settings.userClaim] === undefined || (provider.settings.groups && claims[provider.settings.groups.claim] === undefined)) {
      const more = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      claims = { ...more, ...claims };
    }
  } catch (error) {
    return refuse(db, context, classify(error), null, describe(error));
  }

  const claimValue = claims[provider.settings.userClaim];
  if (typeof claimValue !== 'string' || claimValue.trim() === '') return refuse(db, context, 'no-claim', null, `claim ${provider.settings.userClaim} missing`);
  const value = claimValue.trim();

  const column = provider.settings.userClaim === 'email' ? users.email : users.username;
  const found = await db.select().from(users).where(sql`lower(${column}) = ${value.toLowerCase()}`).limit(5);
  const active = found.filter((u) => u.active);
  if (found.length === 0) return refuse(db, context, 'unknown-user', value);
  if (active.length === 0) return refuse(db, context, 'deactivated-user', value, undefined, found[0]?.id);
  if (active.length > 1) return refuse(db, context, 'several-users', value);
  const user = active[0] as UserRow;

  const roles = provider.settings.groups ? rolesFromGroups(claims[provider.settings.groups.claim], provider.settings.groups.roles) : null;
  if (roles && roles.length === 0) return refuse(db, context, 'no-role', value, undefined, user.id);

  const signedIn = await db.transaction(async (tx) => {
    let row = user;
    if (roles && !sameRoles(roles, user.roles)) {
      [row = user] = await tx.update(users).set({ roles, updatedAt: context.now }).where(eq(users.id, user.id)).returning();
      await recordAudit(tx, { ...context, actor: null }, {
        action: 'user-roles-from-identity-provider', recordType: 'user', recordId: user.id, userId: user.id, username: user.username,
        details: { before: user.roles, after: roles },
      });
    }
    await recordAudit(tx, { ...context, actor: null }, {
      action: 'sign-in', userId: user.id, username: user.username, details: { method: 'oidc', issuer: provider.settings.issuer.href },
    });
    return row;
  });
  return { outcome: 'signed-in', user: signedIn, next: pending.next };
}

/** The roles a person's groups give them, in the order of src/policies/roles.ts's map. */
export function rolesFromGroups(groupsClaim: unknown, map: Record<string, RoleId[]>): RoleId[] {
  const groups = typeof groupsClaim === 'string' ? [groupsClaim] : Array.isArray(groupsClaim) ? groupsClaim.filter((g): g is string => typeof g === 'string') : [];
  const roles = new Set<RoleId>();
  for (const group of groups) for (const role of map[group] ?? []) roles.add(role);
  return [...roles];
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

async function refuse(db: Database, context: ActionContext, reason: OidcRefusal, claimValue: string | null, detail?: string, userId?: string): Promise<OidcSignInResult> {
  await db.transaction(async (tx: Queryable) => {
    await countAddressFailure(tx, context.address ?? 'unknown', context.now);
    await recordAudit(tx, { ...context, actor: null }, {
      action: 'sign-in',
      outcome: 'failure',
      userId: userId ?? null,
      ...(claimValue ? { username: claimValue.slice(0, 100) } : {}),
      reason: `identity provider: ${reason}`,
      details: { method: 'oidc', ...(detail ? { detail: detail.slice(0, 300) } : {}) },
    });
  });
  return { outcome: 'refused', reason, ...(claimValue ? { claimValue } : {}) };
}

/** openid-client's error codes, sorted into what the person is told. */
function classify(error: unknown): OidcRefusal {
  if (error instanceof client.AuthorizationResponseError) return 'provider-refused';
  const code = (error as { code?: unknown }).code;
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'token-expired';
  if (error instanceof TypeError || code === 'ECONNREFUSED') return 'provider-unavailable';
  return 'token-rejected';
}

/** What went wrong, for the audit: openid-client wraps the precise reason (the provider's error, the claim that failed) in causes. */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let at: unknown = error, depth = 0; at && depth < 4; at = (at as { cause?: unknown }).cause, depth += 1) {
    if (at instanceof Error) {
      const { code, error: oauthError } = at as { code?: unknown; error?: unknown };
      parts.push([typeof code === 'string' ? code : null, typeof oauthError === 'string' ? oauthError : null, at.message].filter(Boolean).join(': '));
    } else if (typeof at === 'object') {
      parts.push(JSON.stringify(at));
    }
  }
  return parts.join(' <- ');
}
