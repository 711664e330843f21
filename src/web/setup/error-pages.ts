import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BreakGlassRequired } from '../../modules/access/child-record-access.js';
import { BREAK_GLASS_REASON_MIN } from '../../policies/child-record.js';
import { safeNext } from '../input/safe-next.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../modules/shared/errors.js';
import { typedValues } from '../typed-values.js';

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** People see what happened and what to do next; stack traces go to the log only. */
export function setUpErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    reply.code(404);
    if (wantsJson(request)) return reply.send({ errors: [{ field: null, message: 'Not found.' }] });
    return reply.view('errors/not-found.njk', { title: 'Page not found' });
  });

  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply: FastifyReply) => {
    if (error instanceof ValidationError) {
      reply.code(400);
      return reply.send({ errors: error.errors });
    }
    if (error instanceof BreakGlassRequired) {
      // Issue 19: staff with no working relationship with the child see the break-glass page, not the record (nothing was written).
      reply.code(403);
      if (wantsJson(request)) return reply.send({ errors: [{ field: null, message: error.message }] });
      const next = safeNext(request.method === 'GET' ? request.url : `/people/${error.childId}`);
      return reply.view('break-glass/page.njk', { title: 'You have no working relationship with this child', childId: error.childId, next, minLength: BREAK_GLASS_REASON_MIN, values: {} });
    }
    if (error instanceof ForbiddenError) {
      reply.code(403);
      if (wantsJson(request)) return reply.send({ errors: [{ field: null, message: error.message }] });
      return reply.view('errors/forbidden.njk', { title: 'You do not have permission to see this page', message: error.message });
    }
    if (error instanceof NotFoundError) {
      reply.code(404);
      if (wantsJson(request)) return reply.send({ errors: [{ field: null, message: error.message }] });
      return reply.view('errors/not-found.njk', { title: 'Page not found', message: error.message });
    }
    if (error instanceof ConflictError) {
      reply.code(409);
      if (wantsJson(request)) return reply.send({ errors: [{ field: null, message: error.message }] });
      // Whatever was typed into the refused form is shown, so it is never lost (issue 14).
      return reply.view('errors/conflict.njk', { title: 'That could not be done', message: error.message, typed: request.method === 'POST' ? typedValues(request.body) : [] });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    reply.code(status);
    if (wantsJson(request)) {
      return reply.send({ errors: [{ field: null, message: status === 500 ? 'Something went wrong on our side.' : error.message }] });
    }
    if (status === 500) return reply.view('errors/server-error.njk', { title: 'Sorry, there is a problem with the service' });
    return reply.view('errors/bad-request.njk', { title: 'That request could not be understood' });
  });
}
