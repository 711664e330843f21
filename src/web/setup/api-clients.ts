import type { FastifyInstance } from 'fastify';
import { auditRefusal, authenticateApiKey, consumeApiRequest } from '../../modules/api-clients/api-clients.js';

/**
 * The enquiry API (`/api/v1/`) authenticates partner systems by their bearer key, before any
 * route runs: an unknown or revoked key is a 401; a key over its own per-minute limit, or any key
 * of an agency over the agency's shared limit (CONVENE_API_AGENCY_PER_MINUTE), a 429 with
 * Retry-After, audited once a minute per key or agency. A known key acts as the client's own
 * service account.
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
    const now = app.convene.clock();
    const usage = await consumeApiRequest(app.convene.db, client, app.convene.settings.apiAgencyPerMinute, now);
    if (!usage.allowed) {
      request.log.warn({ clientId: client.clientId, limit: usage.refusedBy }, 'API rate limit exceeded');
      await auditRefusal(app.convene.db, { actor: client.actor, requestId: request.id, address: request.ip, now }, client, usage);
      const message = usage.refusedBy === 'agency'
        ? `Too many requests: at most ${usage.limit} a minute for ${client.agency}, across all its keys.`
        : `Too many requests: at most ${usage.limit} a minute for this key.`;
      return reply.code(429).header('retry-after', String(usage.retryAfterSeconds)).send({ errors: [{ field: null, message }] });
    }
    request.apiClient = client;
    request.actor = client.actor;
    request.session = null;
    request.mustChangePassword = false;
  });
}
