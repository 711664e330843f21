import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { generateCentreList, loadCentreList, loadCentres, reviewCentreList, saveCentre, sendCentreList } from '../../../../modules/register/centre-lists.js';
import { NotFoundError, ValidationError } from '../../../../modules/shared/errors.js';
import { mayKeepRegister } from '../../../../policies/register.js';
import { runAction } from '../../../forms/run-action.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const versionForm = z.object({ version: z.coerce.number().int().min(1) });

/** RG6: the children's centres and their quarterly lists, generated, reviewed, sent and kept. */
export default function centrePages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayKeepRegister } };
  const title = 'Children’s centre lists';

  app.get('/register/centres', access, async (request, reply) =>
    reply.view('register/centres/list.njk', { title, centres: await loadCentres(db, request.actionContext()), values: {}, backLink: { href: '/' } }));

  app.post('/register/centres', access, async (request, reply) =>
    runAction(reply, () => saveCentre(db, request.actionContext(), request.body ?? {}), {
      done: () => reply.redirect('/register/centres'),
      again: async ({ errors, values }) =>
        reply.view('register/centres/list.njk', { title, centres: await loadCentres(db, request.actionContext()), errors, values, backLink: { href: '/' } }),
    }));

  app.post<{ Params: { id: string } }>('/register/centres/:id/generate', access, async (request, reply) => {
    if (!UUID.test(request.params.id)) throw new NotFoundError('That children’s centre does not exist.');
    const listId = await generateCentreList(db, request.actionContext(), request.params.id);
    return reply.redirect(`/register/centre-lists/${listId}`);
  });

  app.get<{ Params: { id: string } }>('/register/centre-lists/:id', access, async (request, reply) => {
    if (!UUID.test(request.params.id)) throw new NotFoundError('That list does not exist.');
    const { list, centre } = await loadCentreList(db, request.actionContext(), request.params.id);
    return reply.view('register/centres/show.njk', { title: `${list.quarter} list for ${centre.name}`, list, centre, backLink: { href: '/register/centres' } });
  });

  for (const [step, act] of [['review', reviewCentreList], ['send', sendCentreList]] as const) {
    app.post<{ Params: { id: string } }>(`/register/centre-lists/:id/${step}`, access, async (request, reply) => {
      if (!UUID.test(request.params.id)) throw new NotFoundError('That list does not exist.');
      const parsed = versionForm.safeParse(request.body ?? {});
      if (!parsed.success) throw new ValidationError([{ field: 'version', message: 'Open the list again and retry' }]);
      await act(db, request.actionContext(), request.params.id, parsed.data.version);
      return reply.redirect(`/register/centre-lists/${request.params.id}`);
    });
  }
}
