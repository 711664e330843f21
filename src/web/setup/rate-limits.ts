import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Requests per minute from one client address (request.ip: TRUST_PROXY decides what that is). */
export interface RateLimits {
  /** POST /sign-in and POST /sign-in/two-factor (each attempt costs an argon2id hash), and the identity provider's two steps. */
  signInPerMinute: number;
  /** /api/v1/*, counted before the bearer key is even looked up. */
  apiPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { signInPerMinute: 30, apiPerMinute: 300 };

const SIGN_IN_PATHS = new Set(['/sign-in', '/sign-in/two-factor']);
/** Sign-in through the identity provider is two GETs; each starts a session or calls the provider, so each counts as an attempt. */
const OIDC_SIGN_IN_PATHS = new Set(['/sign-in/oidc', '/sign-in/oidc/callback']);

/**
 * Per-address request limits by `@fastify/rate-limit`, in front of the work an attempt costs (the
 * API key lookup, the password hash, the second-factor check). They are a first, cheap layer and
 * are kept in this process's memory, so each instance counts alone and a restart forgets.
 * Where our own throttles are stronger they stay and decide (docs/security.md, V2.2.1):
 * the per-account lockout and the per-address failure block for passwords and second-factor
 * codes (modules/accounts/throttle.ts) and each API key's per-minute allowance
 * (modules/api-clients) are atomic counters in the database, shared by every instance and
 * surviving restarts, and they count failures per account, which no per-address limit can.
 */
export async function setUpRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(rateLimit, { global: false });
  const signIn = app.createRateLimit({ max: limits.signInPerMinute, timeWindow: 60_000, keyGenerator: (request) => `sign-in:${request.ip}` });
  const api = app.createRateLimit({ max: limits.apiPerMinute, timeWindow: 60_000, keyGenerator: (request) => `api:${request.ip}` });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A report link's code (issue 17) is a sign-in too: each link locks after 5 wrong codes, and this slows one address trying many links.
    const reportCode = request.method === 'POST' && path.startsWith('/report-access/');
    if ((request.method === 'POST' && SIGN_IN_PATHS.has(path)) || OIDC_SIGN_IN_PATHS.has(path) || reportCode) return refuseOver(await signIn(request), request, reply, 'page');
    if (path.startsWith('/api/v1/')) return refuseOver(await api(request), request, reply, 'json');
  });
}

type Verdict = Awaited<ReturnType<ReturnType<FastifyInstance['createRateLimit']>>>;

async function refuseOver(verdict: Verdict, request: FastifyRequest, reply: FastifyReply, kind: 'page' | 'json') {
  if (verdict.isAllowed || !verdict.isExceeded) return;
  const seconds = Math.max(1, verdict.ttlInSeconds);
  request.log.warn({ url: request.url.split('?')[0] }, 'rate limit exceeded');
  reply.code(429).header('retry-after', String(seconds));
  if (kind === 'json') return reply.send({ errors: [{ field: null, message: `Too many requests from your address: try again in ${seconds} seconds.` }] });
  return reply.view('errors/too-many-requests.njk', { title: 'Too many attempts', seconds });
}
