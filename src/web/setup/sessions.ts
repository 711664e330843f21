import { randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOperationalRequest } from './operational-paths.js';
import { keepFormAfterSessionEnded } from '../drafts.js';
import { loadSignedInUser, toActor } from '../../modules/accounts/load-actor.js';
import { loadReportLinkActor } from '../../modules/report-links/load-report-link-actor.js';
import {
  createSession,
  deleteExpiredSessions,
  destroySession,
  findSessionWithUser,
  needsTouch,
  sessionState,
  SWEEP_INTERVAL_MS,
  touchSession,
  type SessionRow,
} from '../../modules/accounts/session-store.js';

export const SESSION_COOKIE = 'convene_session';
/** A visitor who is not signed in gets no session row: their forms (the sign-in form) carry a
 *  double-submit token that is also in this signed cookie, so anyone can load /sign-in without
 *  adding a row to a table. */
export const ANONYMOUS_CSRF_COOKIE = 'convene_csrf';
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
  app.decorateRequest('endedSession', null);

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/') || request.url.startsWith('/public/') || isOperationalRequest(request.url)) return;
    const id = readSessionId(request);
    if (!id) return;
    const { db, clock } = app.convene;
    // The session and its user in one query.
    const found = await findSessionWithUser(db, id);
    if (!found) return;
    const { row, user } = found;
    const now = clock();
    if (sessionState(row, now) !== 'live') {
      await destroySession(db, row.idHash);
      // A form sent just after the session ended is still that person's typing (issue 14): see the CSRF check.
      if ((row.userId || row.reportLinkId) && STATE_CHANGING.has(request.method)) request.endedSession = { userId: row.userId, reportLinkId: row.reportLinkId, csrfToken: row.csrfToken };
      return;
    }
    if (row.reportLinkId) {
      // Issue 17: a session opened through a report link holds that one invitation, while it is live.
      const holder = await loadReportLinkActor(db, row.reportLinkId);
      if (!holder) {
        await destroySession(db, row.idHash);
        return;
      }
      request.actor = { ...holder, sessionKey: row.idHash };
    } else if (row.userId) {
      // A deactivated user's session ends at their next request.
      if (!user || !user.active) {
        await destroySession(db, row.idHash);
        return;
      }
      // The session's key goes with the actor: a break-glass grant holds for this session only.
      request.actor = { ...toActor(user), sessionKey: row.idHash };
      request.mustChangePassword = user.mustChangePassword;
    }
    // A read does not write on every request: last_seen_at at most once a minute.
    if (needsTouch(row, now)) {
      await touchSession(db, row.idHash, now);
      request.session = { ...row, lastSeenAt: now };
    } else {
      request.session = row;
    }
  });

  // Expired sessions are deleted while Convene runs, not only when their owner comes back.
  let sweeper: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    sweeper = setInterval(() => {
      sweepExpiredSessions(app).catch((error: unknown) => app.log.error({ err: error }, 'deleting expired sessions failed'));
    }, SWEEP_INTERVAL_MS);
    sweeper.unref();
  });
  app.addHook('onClose', async () => {
    if (sweeper) clearInterval(sweeper);
  });

  // CSRF: every state-changing request carries the session's token, or nothing runs.
  app.addHook('preHandler', async (request, reply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    // A bearer key is not sent by a browser on its own, so it cannot be forged across sites.
    if (request.apiClient) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
    // A long form sent after its session ended, from that session's own page: keep what was typed, then sign in.
    const ended = request.endedSession;
    const draft = request.routeOptions.config?.draft;
    if (!request.session && ended && draft && typeof sent === 'string' && tokensMatch(sent, ended.csrfToken)) {
      return keepFormAfterSessionEnded(request, reply, ended, draft);
    }
    const expected = request.session ? request.session.csrfToken : readAnonymousToken(request);
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

/** Deletes the sessions past their idle or absolute timeout; the number deleted. */
export async function sweepExpiredSessions(app: FastifyInstance): Promise<number> {
  return deleteExpiredSessions(app.convene.db, app.convene.clock());
}

function readAnonymousToken(request: FastifyRequest): string | undefined {
  const raw = request.cookies[ANONYMOUS_CSRF_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/** The CSRF token to render a form with: the session's, or for a visitor without a session a
 *  double-submit token kept in a signed cookie (set on first need; no database row). */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return request.session.csrfToken;
  const existing = readAnonymousToken(request);
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(ANONYMOUS_CSRF_COOKIE, token, cookieOptions(request.server));
  request.cookies[ANONYMOUS_CSRF_COOKIE] = reply.signCookie(token);
  return token;
}

/** A new session id at every change of privilege (sign-in, second factor): defeats fixation. */
export async function rotateSession(
  request: FastifyRequest,
  reply: FastifyReply,
  values: { userId?: string | null; pendingUserId?: string | null; reportLinkId?: string | null; data?: Record<string, unknown> },
): Promise<SessionRow> {
  const app = request.server;
  if (request.session) await destroySession(app.convene.db, request.session.idHash);
  const created = await createSession(app.convene.db, { ...values, address: request.ip, now: app.convene.clock() });
  reply.setCookie(SESSION_COOKIE, created.id, cookieOptions(app));
  request.session = created.row;
  const signedIn = created.row.userId ? await loadSignedInUser(app.convene.db, created.row.userId) : null;
  const holder = !signedIn && created.row.reportLinkId ? await loadReportLinkActor(app.convene.db, created.row.reportLinkId) : null;
  request.actor = signedIn ? { ...signedIn.actor, sessionKey: created.row.idHash } : holder ? { ...holder, sessionKey: created.row.idHash } : null;
  request.mustChangePassword = signedIn?.mustChangePassword ?? false;
  return created.row;
}

export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.session) await destroySession(request.server.convene.db, request.session.idHash);
  request.session = null;
  request.actor = null;
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
