import type { FastifyInstance } from 'fastify';
import { IDLE_TIMEOUT_MS, touchSession } from '../../../modules/accounts/session-store.js';
import { mayKeepOwnSessionAndDrafts } from '../../../policies/drafts.js';

/**
 * Issue 14: "Stay signed in" on the timeout warning, and activity on a page, keep the session going
 * (public/session.js). Answers how long the session now has.
 */
export default function sessionPages(app: FastifyInstance): void {
  // A report link's holder (issue 17) keeps their own session going while they write, like anyone.
  app.post('/session/extend', { config: { access: mayKeepOwnSessionAndDrafts, reportLink: true } }, async (request, reply) => {
    if (request.session) await touchSession(app.convene.db, request.session.idHash, app.convene.clock());
    return reply.header('Cache-Control', 'no-store').send({ idleSeconds: IDLE_TIMEOUT_MS / 1000 });
  });
}
