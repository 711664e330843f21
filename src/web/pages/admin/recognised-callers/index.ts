import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatPhone } from '../../../../domain/enquiry/caller.js';
import { addRecognisedCaller, AGENCY_KINDS, listRecognisedCallers, recognisedCallerInput, setRecognisedCallerActive } from '../../../../modules/enquiry/recognised-callers.js';
import { mayKeepRecognisedCallers } from '../../../../policies/enquiries.js';
import { refusalPage, runAction, submitShowingValues } from '../../../forms/run-action.js';

const access = { config: { access: mayKeepRecognisedCallers } };
const kindOptions = Object.entries(AGENCY_KINDS).map(([value, text]) => ({ value, text }));

/** RG2: the directory of agencies and call-back numbers the enquiry service recognises. */
export default function recognisedCallerPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const page = async (reply: FastifyReply, values: Record<string, unknown>, errors?: unknown) => {
    const lines = (await listRecognisedCallers(db)).map((l) => ({ ...l, phoneText: formatPhone(l.phone), kindText: AGENCY_KINDS[l.agencyKind as keyof typeof AGENCY_KINDS] ?? l.agencyKind }));
    const kindItems = kindOptions.map((o) => ({ ...o, checked: values.agencyKind === o.value }));
    return reply.view('admin/recognised-callers/page.njk', { title: 'Recognised callers', lines, kindItems, values, errors, backLink: { href: '/' } });
  };

  app.get('/admin/recognised-callers', access, async (_request, reply) => page(reply, {}));
  app.post('/admin/recognised-callers', access, async (request, reply) => {
    return submitShowingValues(reply, recognisedCallerInput, (data) => addRecognisedCaller(db, request.actionContext(), data), {
      again: ({ errors, values }) => page(reply, values, errors),
      conflictPage: '/admin/recognised-callers',
      done: () => reply.redirect('/admin/recognised-callers'),
    });
  });
  app.post<{ Params: { id: string }; Body: { active?: string } }>('/admin/recognised-callers/:id/active', access, async (request, reply) => {
    return runAction(reply, () => setRecognisedCallerActive(db, request.actionContext(), request.params.id, request.body?.active === 'yes'), {
      again: refusalPage(reply, '/admin/recognised-callers'),
      conflictPage: '/admin/recognised-callers',
      done: () => reply.redirect('/admin/recognised-callers'),
    });
  });
}
