import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Settings } from '../../config.js';
import { pathOf } from './operational-paths.js';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id from a proxy is kept when it is short and plain (no spaces or control characters to forge log lines). */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * How a request gets the id it is logged and audited under: behind a trusted proxy (TRUST_PROXY
 * set), the proxy's X-Request-Id when it is plain, so one id follows the request through the
 * proxy's logs and Convene's; otherwise, and always without a proxy (where any client could
 * choose its id and muddle the audit trail), a new UUID.
 */
export function requestIdGenerator(settings: Pick<Settings, 'trustProxy'>): (request: IncomingMessage) => string {
  if (settings.trustProxy === false) return () => randomUUID();
  return (request) => {
    const given = request.headers[REQUEST_ID_HEADER];
    const value = Array.isArray(given) ? given[0] : given;
    return value && ACCEPTABLE_REQUEST_ID.test(value) ? value : randomUUID();
  };
}

/**
 * JSON lines through Fastify's pino logger. What a line may hold is decided here:
 *  - a request is logged by method, path and route pattern: never its query string (a search for a
 *    child by name is a GET), never its body, never its headers;
 *  - any `url` a handler logs loses its query string too;
 *  - cookies, Authorization and Set-Cookie are redacted should anything log headers.
 */
export function loggerOptions(settings: Settings, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: settings.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', 'headers.cookie', 'headers.authorization'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method?: string; url?: string; routeOptions?: { url?: string }; ip?: string }) => ({
        method: request.method,
        path: request.url === undefined ? undefined : pathOf(request.url),
        route: request.routeOptions?.url,
        remoteAddress: request.ip,
      }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
    },
    formatters: {
      log: (object: Record<string, unknown>) => (typeof object.url === 'string' ? { ...object, url: pathOf(object.url) } : object),
    },
    ...(stream ? { stream } : {}),
  } as NonNullable<FastifyServerOptions['logger']>;
}

/**
 * Echoes the request id in the response (first hook, so even a refused request carries it), and
 * once the session is known adds the signed-in user's id to every later line of the request,
 * including Fastify's "request completed". Call the second after setUpSessions.
 */
export function setUpRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}

export function setUpUserInLogs(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const userId = request.actor?.id ?? request.session?.pendingUserId ?? null;
    if (!userId) return;
    const child = request.log.child({ userId });
    request.log = child;
    reply.log = child;
  });
}
