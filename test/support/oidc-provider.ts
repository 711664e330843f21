import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 at a random port, for the tests of
 * sign-in with the authority's identity provider. Its people are given by the test; whoever the
 * test names with `signInAs` is signed in at the provider's login step without a form, and the
 * consent step is skipped, so a test drives the whole code flow with plain HTTP.
 */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next login at the provider is (their `sub`), with their claims. */
  signInAs(sub: string, claims: Record<string, unknown>): void;
  /** Follows a browser through the provider from Convene's redirect until it is sent back to Convene; that URL. */
  browse(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

/** Stops the providers a suite started, in order; one that never started (its beforeAll failed) is skipped. */
export async function stopIdentityProviders(...providers: (TestIdentityProvider | undefined)[]): Promise<void> {
  for (const provider of providers) await provider?.close();
}

export async function startIdentityProvider(options: { redirectUrl: string; host?: string }): Promise<TestIdentityProvider> {
  const clientId = 'convene-test';
  const clientSecret = 'convene-test-secret-that-is-long-enough';
  const people = new Map<string, Record<string, unknown>>();
  let nextSub = '';

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.host ?? '127.0.0.1'}:${port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUrl], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' }],
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => ({ sub, ...people.get(sub) }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username', 'name', 'groups'] },
    // The claims go in the ID token, as many authorities' providers put them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['test-only-cookie-key'] },
    // An ID token lasts an hour, as at most providers; the expired-token tests move Convene's clock past it.
    ttl: { IdToken: 3600, AccessToken: 3600, Interaction: 600, Grant: 3600, Session: 3600 },
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      provider.interactionFinished(req, res, { login: { accountId: nextSub } }, { mergeWithLastSubmission: false }).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    handle(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(sub, claims) {
      people.set(sub, claims);
      nextSub = sub;
    },
    async browse(authorizationUrl) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let hops = 0; hops < 10; hops += 1) {
        if (url.href.startsWith(options.redirectUrl)) return url;
        const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const set of res.headers.getSetCookie()) {
          const [pair = ''] = set.split(';');
          const at = pair.indexOf('=');
          const name = pair.slice(0, at);
          const value = pair.slice(at + 1);
          if (value === '' || /expires=Thu, 01 Jan 1970/i.test(set)) jar.delete(name);
          else jar.set(name, value);
        }
        const location = res.headers.get('location');
        if (!location) throw new Error(`the provider answered ${res.status} without sending the browser on: ${(await res.text()).slice(0, 500)}`);
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the provider');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
