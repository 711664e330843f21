import type { FastifyInstance } from 'fastify';
import { assertRecordAccess, gatedRecord } from '../../modules/access/child-record-access.js';

/** What a user with a temporary password may still do (sign-in pages are public and pass anyway). */
const PASSWORD_CHANGE_ROUTES = new Set(['GET /account/password', 'POST /account/password', 'POST /sign-out']);

/**
 * Deny by default: a route must declare who may reach it. Signed-out users are sent to
 * sign in; signed-in users without the role get the 403 page.
 */
export function setUpAuthorisation(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    // The not-found handler has no route of its own: let it answer 404.
    if (access === 'public' || request.is404 || request.url.startsWith('/assets/') || request.url.startsWith('/public/')) return;
    // A temporary password must be replaced before anything else, on every route.
    if (request.actor && request.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) {
      if (request.url.startsWith('/api/')) {
        return reply.code(403).send({ errors: [{ field: null, message: 'Change your temporary password first.' }] });
      }
      return reply.redirect('/account/password');
    }
    // A report link's holder (issue 17) reaches only the routes marked for them, and there only what their invitation opens:
    // checked before the second-factor pages, which let any signed-in person in.
    if (request.actor?.reportLink && request.routeOptions.config?.reportLink !== true) {
      request.log.info({ url: request.url, user: request.actor.id }, 'report link holder outside their report');
      return reply.callNotFound();
    }
    if (access === 'pending-second-factor') {
      if (request.session?.pendingUserId || request.actor) return;
      return reply.redirect('/sign-in');
    }
    if (!request.actor) {
      if (request.url.startsWith('/api/')) {
        return reply.code(401).send({ errors: [{ field: null, message: 'Sign in first.' }] });
      }
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/sign-in${next}`);
    }
    if (typeof access !== 'function' || !access(request.actor)) {
      request.log.info({ url: request.url, user: request.actor.id }, 'access denied');
      if (request.url.startsWith('/api/')) {
        return reply.code(403).send({ errors: [{ field: null, message: 'You do not have permission to do this.' }] });
      }
      reply.code(403);
      return reply.view('errors/forbidden.njk', { title: 'You do not have permission to see this page' });
    }
    // Need-to-know (issue 19): a form sent to a child's record is refused before its handler runs, without a relationship.
    if (request.method === 'POST') {
      const record = gatedRecord((request.routeOptions.url ?? '').replace(/^\/api\/v1(?=\/)/, ''), (request.params ?? {}) as Record<string, unknown>);
      if (record) await assertRecordAccess(app.convene.db, request.actor, record);
    }
  });
}
