import type { FastifyInstance } from 'fastify';
import type { OidcSettings } from '../../../config-oidc.js';
import { identityProvider } from '../../../modules/accounts/identity-provider.js';
import { beginOidcSignIn, finishOidcSignIn, type OidcRefusal, type PendingOidcSignIn } from '../../../modules/accounts/oidc-sign-in.js';
import { updateSessionData } from '../../../modules/accounts/session-store.js';
import { rotateSession } from '../../setup/sessions.js';
import { safeNext } from './form.js';

const PENDING_KEY = 'oidcSignIn';
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** Refusals by the status they answer with: the person's own account (403), a broken or stale exchange (400), the provider (502/503). */
const STATUS: Record<OidcRefusal, number> = {
  'not-started': 400, 'state-mismatch': 400, 'provider-refused': 401, 'token-expired': 401, 'token-rejected': 401,
  'provider-unavailable': 503, 'no-claim': 403, 'unknown-user': 403, 'deactivated-user': 403, 'several-users': 403, 'no-role': 403,
  'address-blocked': 429,
};

/**
 * /sign-in/oidc sends the browser to the authority's identity provider; /sign-in/oidc/callback
 * takes its answer. The state, nonce and PKCE verifier stay on the server in the visitor's session
 * and are taken out of it when the answer comes, so each can be used once only.
 */
export function oidcSignInPages(app: FastifyInstance, settings: OidcSettings): void {
  const provider = identityProvider(settings);
  const refusedPage = (reason: OidcRefusal, extra: Record<string, unknown> = {}) => ({
    title: reason === 'provider-unavailable' ? `Signing in with ${settings.displayName} is not available` : 'You could not be signed in',
    reason, providerName: settings.displayName, claimName: settings.userClaim === 'email' ? 'email address' : 'username', ...extra,
  });

  app.get<{ Querystring: { next?: string } }>('/sign-in/oidc', { config: { access: 'public' } }, async (request, reply) => {
    const next = safeNext(typeof request.query.next === 'string' ? request.query.next.slice(0, 2000) : undefined);
    if (request.actor) return reply.redirect(next);
    const begun = await beginOidcSignIn(provider, { now: app.convene.clock(), next });
    if (!begun.ok) {
      request.log.error({ err: begun.error }, 'the identity provider could not be reached or described itself wrongly');
      reply.code(503);
      return reply.view('sign-in/oidc-refused.njk', refusedPage('provider-unavailable'));
    }
    // A session of its own for the visitor (no user yet): the pending sign-in is kept there, never in the browser.
    await rotateSession(request, reply, { data: { [PENDING_KEY]: begun.pending } });
    return reply.redirect(begun.url.href);
  });

  app.get('/sign-in/oidc/callback', { config: { access: 'public' } }, async (request, reply) => {
    const session = request.session;
    const pending = (session?.data[PENDING_KEY] as PendingOidcSignIn | undefined) ?? null;
    if (session && pending) {
      const { [PENDING_KEY]: _used, ...rest } = session.data;
      await updateSessionData(app.convene.db, session.idHash, rest);
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const result = await finishOidcSignIn(app.convene.db, provider, request.actionContext(), { query, pending });
    if (result.outcome === 'refused') {
      reply.code(STATUS[result.reason]);
      return reply.view('sign-in/oidc-refused.njk', refusedPage(result.reason, {
        claimValue: result.claimValue, until: result.until ? timeFormat.format(result.until) : null,
      }));
    }
    // As a local sign-in: a new session id for the signed-in person, and a temporary password still to replace first.
    await rotateSession(request, reply, { userId: result.user.id });
    return reply.redirect(result.user.mustChangePassword ? '/account/password' : safeNext(result.next));
  });
}
