import type { FastifyInstance, FastifyReply } from 'fastify';
import { loadTransferChoices } from '../../../modules/transfers/load-transfer-choices.js';
import { loadTransferNotice, loadTransferNotices } from '../../../modules/transfers/load-transfer-notices.js';
import { recordReceivingConference, recordTransferIn, recordTransferOut } from '../../../modules/transfers/transfers.js';
import { mayHandleTransfers } from '../../../policies/escalation.js';
import { parseForm } from '../../forms.js';
import { receivingConferenceForm, transferInForm, transferOutForm } from './form.js';
import { submitShowingValues } from '../../forms/run-action.js';

export default function transferPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayHandleTransfers } };

  app.get('/transfers', access, async (_request, reply) => {
    const rows = await loadTransferNotices(db);
    return reply.view('transfers/list.njk', { title: 'Children moving in and out', rows, backLink: { href: '/' } });
  });

  const TITLES = { in: 'A child on a plan has moved in', out: 'A child on a plan is moving away' } as const;
  /** The form for a child moving in or away: empty, or again with what was typed and why it was refused. */
  async function transferPage(reply: FastifyReply, way: 'in' | 'out', shown: { errors?: unknown; values: unknown; status?: number } = { values: {} }) {
    if (shown.status) reply.code(shown.status);
    return reply.view(`transfers/${way}.njk`, { title: TITLES[way], errors: shown.errors, values: shown.values, ...(await loadTransferChoices(db)), backLink: { href: '/transfers' } });
  }

  app.get('/transfers/in', access, async (_request, reply) => transferPage(reply, 'in'));
  app.post('/transfers/in', access, async (request, reply) =>
    submitShowingValues(reply, transferInForm, (data) => recordTransferIn(db, request.actionContext(), { ...data, pack: app.convene.settings.pack }), {
      again: (shown) => transferPage(reply, 'in', shown),
      done: ({ conferenceId }) => reply.redirect(`/transfers?requested=${conferenceId}`),
    }),
  );

  app.get('/transfers/out', access, async (_request, reply) => transferPage(reply, 'out'));
  app.post('/transfers/out', access, async (request, reply) =>
    submitShowingValues(reply, transferOutForm, (data) => recordTransferOut(db, request.actionContext(), data), {
      again: (shown) => transferPage(reply, 'out', shown),
      done: () => reply.redirect('/transfers'),
    }),
  );

  app.post<{ Params: { id: string } }>('/transfers/:id/their-conference', access, async (request, reply) => {
    const parsed = parseForm(receivingConferenceForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      const t = await loadTransferNotice(db, request.params.id);
      return reply.view('transfers/list.njk', { title: 'Children moving in and out', rows: t ? [{ ...t, child: '' }] : [], errors: parsed.errors, backLink: { href: '/transfers' } });
    }
    await recordReceivingConference(db, request.actionContext(), request.params.id, parsed.data);
    return reply.redirect('/transfers');
  });
}
