import type { FastifyInstance } from 'fastify';
import { householdChoices, loadRiskNotifications, recordRiskNotification, sendRiskNotification } from '../../../../modules/register/risk-notifications.js';
import { NotFoundError } from '../../../../modules/shared/errors.js';
import { mayKeepRegister } from '../../../../policies/register.js';
import { runAction } from '../../../forms/run-action.js';

/** RG5: notifications of people who may pose a risk to children, recorded and sent to the lead social workers. */
export default function riskNotificationPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayKeepRegister } };
  const newTitle = 'Record a risk notification';

  app.get('/register/risk-notifications', access, async (request, reply) => {
    const rows = await loadRiskNotifications(db, request.actionContext());
    return reply.view('register/risk/list.njk', { title: 'Risk notifications', rows, backLink: { href: '/' } });
  });

  app.get('/register/risk-notifications/new', access, async (_request, reply) =>
    reply.view('register/risk/new.njk', { title: newTitle, values: {}, households: await householdChoices(db), backLink: { href: '/register/risk-notifications' } }));

  app.post('/register/risk-notifications/new', access, async (request, reply) =>
    runAction(reply, () => recordRiskNotification(db, request.actionContext(), request.body ?? {}), {
      done: ({ id }) => reply.redirect(`/register/risk-notifications/${id}`),
      again: async ({ errors, values }) =>
        reply.view('register/risk/new.njk', { title: newTitle, errors, values, households: await householdChoices(db), backLink: { href: '/register/risk-notifications' } }),
    }));

  app.get<{ Params: { id: string } }>('/register/risk-notifications/:id', access, async (request, reply) => {
    if (!/^[0-9a-f-]{36}$/i.test(request.params.id)) throw new NotFoundError('That notification does not exist.');
    const [row] = await loadRiskNotifications(db, request.actionContext(), { id: request.params.id });
    if (!row) throw new NotFoundError('That notification does not exist.');
    return reply.view('register/risk/show.njk', { title: `Risk notification: ${row.personName}`, n: row, values: {}, households: await householdChoices(db), backLink: { href: '/register/risk-notifications' } });
  });

  app.post<{ Params: { id: string } }>('/register/risk-notifications/:id', access, async (request, reply) => {
    if (!/^[0-9a-f-]{36}$/i.test(request.params.id)) throw new NotFoundError('That notification does not exist.');
    return runAction(reply, () => sendRiskNotification(db, request.actionContext(), request.params.id, request.body ?? {}), {
      done: () => reply.redirect(`/register/risk-notifications/${request.params.id}`),
      again: async ({ errors, values }) => {
        const [row] = await loadRiskNotifications(db, request.actionContext(), { id: request.params.id });
        if (!row) throw new NotFoundError('That notification does not exist.');
        return reply.view('register/risk/show.njk', { title: `Risk notification: ${row.personName}`, n: row, errors, values, households: await householdChoices(db), backLink: { href: '/register/risk-notifications' } });
      },
    });
  });
}
