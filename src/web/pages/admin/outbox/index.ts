import type { FastifyInstance } from 'fastify';
import { loadOutbox } from '../../../../modules/outbox/load-outbox.js';
import { retryMessage } from '../../../../modules/outbox/retry-message.js';
import { mayManageOutbox } from '../../../../policies/invitations.js';

const access = { config: { access: mayManageOutbox } };
const STATUS_TAGS: Record<string, string> = {
  queued: 'govuk-tag--blue', 'to-print': 'govuk-tag--yellow', sending: 'govuk-tag--light-blue', sent: 'govuk-tag--green', posted: 'govuk-tag--green', failed: 'govuk-tag--red',
};
const STATUS_WORDS: Record<string, string> = { queued: 'Queued', 'to-print': 'Waiting to print', sending: 'Sending', sent: 'Sent', posted: 'Posted', failed: 'Failed' };

/** What is waiting to leave, what left, and what failed with why: the administrator keeps delivery running. */
export default function outboxPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get<{ Querystring: { status?: string; retried?: string } }>('/admin/outbox', access, async (request, reply) => {
    const status = request.query.status && STATUS_WORDS[request.query.status] ? request.query.status : null;
    const { rows, countsByStatus } = await loadOutbox(db, status);
    return reply.view('admin/outbox/list.njk', {
      title: 'Outbox',
      rows: rows.map((r) => ({ ...r, tagClass: STATUS_TAGS[r.status] ?? '', statusText: STATUS_WORDS[r.status] ?? r.status })),
      counts: Object.keys(STATUS_WORDS).map((s) => ({ status: s, text: STATUS_WORDS[s], n: countsByStatus[s] ?? 0, current: s === status })),
      mailConfigured: app.convene.settings.smtpUrl !== null,
      notice: request.query.retried ? 'The message is back in the queue and will be sent on the next pass.' : null,
      backLink: { href: '/' },
    });
  });

  app.post<{ Params: { id: string } }>('/admin/outbox/:id/retry', access, async (request, reply) => {
    if (!/^[0-9a-f-]{36}$/i.test(request.params.id)) return reply.callNotFound();
    await retryMessage(db, request.actionContext(), request.params.id);
    return reply.redirect('/admin/outbox?retried=1');
  });
}
