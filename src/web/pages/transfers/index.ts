import type { FastifyInstance } from 'fastify';
import { loadTransferChoices } from '../../../modules/transfers/load-transfer-choices.js';
import { loadTransferNotice, loadTransferNotices } from '../../../modules/transfers/load-transfer-notices.js';
import { recordReceivingConference, recordTransferIn, recordTransferOut } from '../../../modules/transfers/transfers.js';
import { mayHandleTransfers } from '../../../policies/escalation.js';
import { parseForm } from '../../forms.js';
import { receivingConferenceForm, transferInForm, transferOutForm } from './form.js';
import { runAction } from '../../forms/run-action.js';

export default function transferPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayHandleTransfers } };

  app.get('/transfers', access, async (_request, reply) => {
    const rows = await loadTransferNotices(db);
    return reply.view('transfers/list.njk', { title: 'Children moving in and out', rows, backLink: { href: '/' } });
  });

  app.get('/transfers/in', access, async (_request, reply) => reply.view('transfers/in.njk', { title: 'A child on a plan has moved in', values: {}, ...(await loadTransferChoices(db)), backLink: { href: '/transfers' } }));
  app.post('/transfers/in', access, async (request, reply) => {
    const parsed = parseForm(transferInForm, request.body);
    const again = async (errors: unknown, values: unknown, status = 400) => {
      reply.code(status);
      return reply.view('transfers/in.njk', { title: 'A child on a plan has moved in', errors, values, ...(await loadTransferChoices(db)), backLink: { href: '/transfers' } });
    };
    if (!parsed.ok) return again(parsed.errors, parsed.values);
    return runAction(reply, () => recordTransferIn(db, request.actionContext(), { ...parsed.data, pack: app.convene.settings.pack }), {
      again: ({ errors, values, status }) => again(errors, values, status),
      done: ({ conferenceId }) => reply.redirect(`/transfers?requested=${conferenceId}`),
    });
  });

  app.get('/transfers/out', access, async (_request, reply) => reply.view('transfers/out.njk', { title: 'A child on a plan is moving away', values: {}, ...(await loadTransferChoices(db)), backLink: { href: '/transfers' } }));
  app.post('/transfers/out', access, async (request, reply) => {
    const parsed = parseForm(transferOutForm, request.body);
    const again = async (errors: unknown, values: unknown, status = 400) => {
      reply.code(status);
      return reply.view('transfers/out.njk', { title: 'A child on a plan is moving away', errors, values, ...(await loadTransferChoices(db)), backLink: { href: '/transfers' } });
    };
    if (!parsed.ok) return again(parsed.errors, parsed.values);
    return runAction(reply, () => recordTransferOut(db, request.actionContext(), parsed.data), {
      again: ({ errors, values, status }) => again(errors, values, status),
      done: () => reply.redirect('/transfers'),
    });
  });

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
