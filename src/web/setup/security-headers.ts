import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy. Every script, style, font and image Convene serves is its own
 * file, from /assets (GOV.UK Frontend's CSS, fonts, images and `govuk-frontend.min.js`) or
 * /public (our CSS and the module scripts init.js, session.js and drafts.js): there is no inline
 * script or style anywhere (layouts/base.njk replaces GOV.UK's template, whose one inline script
 * would need a nonce), so 'self' is all any directive needs. `data:` images are the
 * GOV.UK Frontend CSS's own. Exported for the test that holds pages to it.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Response headers by `@fastify/helmet` (a well-kept library, rather than our own list), set on
 * every response: pages, files, errors and 404s. HSTS only in production, where Convene sits
 * behind TLS. Two headers helmet does not make are added here: Permissions-Policy, and
 * `Cache-Control: no-store` on everything but static files, as pages show children's records
 * and must never stay in a shared or back-button cache.
 */
export async function setUpSecurityHeaders(app: FastifyInstance): Promise<void> {
  const production = app.convene.settings.production;
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: production ? { ...CSP_DIRECTIVES, upgradeInsecureRequests: [] } : CSP_DIRECTIVES },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (!request.url.startsWith('/assets/') && !request.url.startsWith('/public/')) {
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}
