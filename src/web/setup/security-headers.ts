import type { FastifyInstance } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setUpSecurityHeaders(app: FastifyInstance): void {
  const production = app.convene.settings.production;
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (production) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // Pages show children's records: never keep them in a shared or back-button cache.
    if (!request.url.startsWith('/assets/') && !request.url.startsWith('/public/')) {
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}
