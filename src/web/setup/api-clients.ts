import type { FastifyInstance } from 'fastify';
import { authenticateApiKey, consumeApiRequest } from '../../modules/api-clients/api-clients.js';

/**
 * The enquiry API (`/api/v1/`) authenticates partner systems by their bearer key, before any
 * route runs: an unknown or revoked key is a 401, a client over its per-minute limit a 429 with
 * Retry-After. A known key acts as the client's own service account.
 */
export function setUpApiClients(app: FastifyInstance): void {
  app.decorateRequest('apiClient', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/') || request.url.startsWith('/api/v1/openapi.json')) return;
    const authorization = request.headers.authorization;
    if (!authorization) {
      // Other /api/v1 routes (booking, rules) serve signed-in pages with their session; the enquiry API is for keys only.
      if (!request.url.startsWith('/api/v1/enquiries')) return;
      return reply.code(401).header('www-authenticate', 'Bearer').send({ errors: [{ field: null, message: 'Send the agency key as a bearer token.' }] });
    }
    const client = await authenticateApiKey(app.convene.db, authorization);
    if (!client) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ errors: [{ field: null, message: 'That key is not recognised, or has been revoked.' }] });
    }
    const usage = await consumeApiRequest(app.convene.db, client, app.convene.clock());
    if (!usage.allowed) {
      return reply.code(429).header('retry-after', String(usage.retryAfterSeconds))
        .send({ errors: [{ field: null, message: `Too many requests: at most ${client.perMinute} a minute for this key.` }] });
    }
    request.apiClient = client;
    request.actor = client.actor;
    request.session = null;
    request.mustChangePassword = false;
  });
}
