import * as client from 'openid-client';
import type { OidcSettings } from '../../config-oidc.js';
import { secondsAheadOfWallClock } from '../../clock/clock.js';

/**
 * The authority's identity provider as openid-client sees it. Its metadata is discovered once, on
 * first use (not at start: a provider that is down must not stop local sign-in), and again after
 * a failure. Each sign-in gets its own Configuration so its clock is the app's clock at that moment.
 */
export interface IdentityProvider {
  settings: OidcSettings;
  /** The provider's metadata joined to this client, judging tokens by `now`. */
  configurationAt(now: Date): Promise<client.Configuration>;
  /** Keeps the signing keys a sign-in fetched, for the next ones. */
  keepKeys(configuration: client.Configuration): void;
}

export function identityProvider(settings: OidcSettings): IdentityProvider {
  let discovered: Promise<client.Configuration> | null = null;
  let jwks: ReturnType<typeof client.getJwksCache>;
  const insecure = settings.issuer.protocol === 'http:'; // only ever loopback: config-oidc.ts

  const discover = () => {
    discovered ??= client
      .discovery(settings.issuer, settings.clientId, undefined, client.ClientSecretPost(settings.clientSecret), insecure ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };

  return {
    settings,
    async configurationAt(now) {
      const server = (await discover()).serverMetadata();
      const configuration = new client.Configuration(
        server,
        settings.clientId,
        { client_secret: settings.clientSecret, [client.clockSkew]: secondsAheadOfWallClock(now) },
        client.ClientSecretPost(settings.clientSecret),
      );
      if (insecure) client.allowInsecureRequests(configuration);
      // The provider's signing keys are fetched once and shared by every sign-in's configuration.
      if (jwks) client.setJwksCache(configuration, jwks);
      return configuration;
    },
    keepKeys(configuration) {
      jwks = client.getJwksCache(configuration) ?? jwks;
    },
  };
}
