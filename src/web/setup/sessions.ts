import { randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadSignedInUser } from '../../modules/accounts/load-actor.js';
import {
  createSession,
  destroySession,
  findSession,
  sessionState,
  touchSession,
  type SessionRow,
} from '../../modules/accounts/session-store.js';

export const SESSION_COOKIE = 'convene_session';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cookieOptions(app: FastifyInstance) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.convene.settings.production,
    signed: true,
  };
}

function readSessionId(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

export async function setUpSessions(app: FastifyInstance): Promise<void> {
  const secret = app.convene.settings.sessionSecret ?? randomBytes(32).toString('hex');
  await app.register(fastifyCookie, { secret });
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('mustChangePassword', false);

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/') || request.url.startsWith('/public/') || request.url === '/health') return;
    const id = readSessionId(request);
    if (!id) return;
    const { db, clock } = app.convene;
    const row = await findSession(db, id);
    if (!row) return;
    const now = clock();
    if (sessionState(row, now) !== 'live') {
      await destroySession(db, row.idHash);
      return;
    }
    await touchSession(db, row.idHash, now);
    request.session = { ...row, lastSeenAt: now };
    if (row.userId) {
      const signedIn = await loadSignedInUser(db, row.userId);
      request.actor = signedIn?.actor ?? null;
      request.mustChangePassword = signedIn?.mustChangePassword ?? false;
      // A deactivated user's session ends at their next request.
      if (!request.actor) {
        await destroySession(db, row.idHash);
        request.session = null;
      }
    }
  });

  // CSRF: every state-changing request carries the session's token, or nothing runs.
  app.addHook('preHandler', async (request, reply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
    const expected = request.session?.csrfToken;
    if (!expected || typeof sent !== 'string' || !tokensMatch(sent, expected)) {
      request.log.warn({ url: request.url }, 'CSRF token missing or wrong');
      reply.code(403);
      await reply.view('errors/csrf.njk', { title: 'Your form could not be sent' });
      return reply;
    }
  });
}

function tokensMatch(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The session to render a form with: created (anonymous) on first need. */
export async function ensureSession(request: FastifyRequest, reply: FastifyReply): Promise<SessionRow> {
  if (request.session) return request.session;
  const app = request.server;
  const created = await createSession(app.convene.db, { address: request.ip, now: app.convene.clock() });
  reply.setCookie(SESSION_COOKIE, created.id, cookieOptions(app));
  request.session = created.row;
  return created.row;
}

/** A new session id at every change of privilege (sign-in, second factor): defeats fixation. */
export async function rotateSession(
  request: FastifyRequest,
  reply: FastifyReply,
  values: { userId?: string | null; pendingUserId?: string | null; data?: Record<string, unknown> },
): Promise<SessionRow> {
  const app = request.server;
  if (request.session) await destroySession(app.convene.db, request.session.idHash);
  const created = await createSession(app.convene.db, { ...values, address: request.ip, now: app.convene.clock() });
  reply.setCookie(SESSION_COOKIE, created.id, cookieOptions(app));
  request.session = created.row;
  const signedIn = created.row.userId ? await loadSignedInUser(app.convene.db, created.row.userId) : null;
  request.actor = signedIn?.actor ?? null;
  request.mustChangePassword = signedIn?.mustChangePassword ?? false;
  return created.row;
}

export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.session) await destroySession(request.server.convene.db, request.session.idHash);
  request.session = null;
  request.actor = null;
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
