import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatPhone } from '../../../domain/enquiry/caller.js';
import { answerEnquiry } from '../../../modules/enquiry/answer-enquiry.js';
import { loadEnquiry } from '../../../modules/enquiry/load-enquiry.js';
import { abandonEnquiry, recordUnknownChild } from '../../../modules/enquiry/record-unknown-child.js';
import { searchForEnquiry } from '../../../modules/enquiry/search-for-enquiry.js';
import { startEnquiry } from '../../../modules/enquiry/start-enquiry.js';
import { enquiriesSince, enquiryForPage } from '../../../modules/enquiry/enquiry-views.js';
import { mayTakeEnquiries } from '../../../policies/enquiries.js';
import { hasRole } from '../../../policies/roles.js';
import { runAction, refusalPage } from '../../forms/run-action.js';
import { matcherDateRefusal, matcherSearchErrors, matcherSearchFrom } from '../../forms/matcher-search.js';

type IdParams = { Params: { id: string } };
const take = { config: { access: mayTakeEnquiries } };

/**
 * RG2–RG4: the enquiry service for police, health and out-of-hours callers. The caller is checked
 * first, then the child is searched for; the enquirer chooses the child (or records that none is
 * known) and reads the answer to the caller. Every step is kept on the enquiry.
 */
export default function enquiryPages(app: FastifyInstance): void {
  const { db } = app.convene;

  const callerPage = (reply: FastifyReply, values: Record<string, unknown>, errors?: unknown) =>
    reply.view('enquiries/caller.njk', { title: 'Who is calling?', values, errors, askReason: Boolean(values.unrecognisedReason !== undefined || (Array.isArray(errors) && errors.some((e: { field: string }) => e.field === 'unrecognisedReason'))), backLink: { href: '/' } });

  app.get('/enquiries/new', take, async (_request, reply) => callerPage(reply, {}));
  app.post('/enquiries', take, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return runAction(reply, () => startEnquiry(db, request.actionContext(), body), {
      again: ({ errors }) => callerPage(reply, body, errors),
      conflictPage: '/enquiries/new',
      done: ({ id }) => reply.redirect(`/enquiries/${id}/search`),
    });
  });

  app.get<IdParams & { Querystring: Record<string, string> }>('/enquiries/:id/search', take, async (request, reply) => {
    const { enquiry, line } = await loadEnquiry(db, request.actor, request.params.id, 'read');
    if (enquiry.status !== 'open') return reply.redirect(`/enquiries/${enquiry.id}`);
    const q = request.query;
    const view = (extra: Record<string, unknown>) => reply.view('enquiries/search.njk', {
      title: 'Find the child', enquiry, line, callback: formatPhone(enquiry.callbackNumber), backLink: { href: '/' }, ...extra,
    });
    if (q.given === undefined && q.family === undefined) return view({ values: {} });
    const { values, input } = matcherSearchFrom(q);
    const badDate = matcherDateRefusal(q);
    if (badDate.length > 0) {
      reply.code(400);
      return view({ values, errors: badDate });
    }
    return runAction(reply, () => searchForEnquiry(db, request.actionContext(), enquiry.id, input), {
      done: (result) => view({ values, candidates: result.candidates, strictFound: result.strictFound, asked: true }),
      again: ({ errors }) => view({ values, errors: matcherSearchErrors(errors, q) }),
    });
  });

  app.post<IdParams>('/enquiries/:id/answer', take, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return runAction(reply, () => answerEnquiry(db, request.actionContext(), request.params.id, typeof body.childId === 'string' ? body.childId : ''), {
      again: ({ errors }) => reply.view('errors/bad-request.njk', { title: 'Choose a child', message: errors.map((e) => e.message).join(' '), backLink: { href: `/enquiries/${request.params.id}/search` } }),
      conflictPage: `/enquiries/${request.params.id}`,
      done: () => reply.redirect(`/enquiries/${request.params.id}`),
    });
  });

  const unknownPage = (reply: FastifyReply, enquiry: { id: string; questions: unknown[] }, values: Record<string, unknown>, errors?: unknown) =>
    reply.view('enquiries/unknown.njk', { title: 'The child is not known to us', enquiry, question: enquiry.questions.at(-1), values, errors, backLink: { href: `/enquiries/${enquiry.id}/search` } });
  app.get<IdParams>('/enquiries/:id/unknown', take, async (request, reply) => {
    const { enquiry } = await loadEnquiry(db, request.actor, request.params.id, 'continue');
    return unknownPage(reply, enquiry, {});
  });
  app.post<IdParams>('/enquiries/:id/unknown', take, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return runAction(reply, () => recordUnknownChild(db, request.actionContext(), request.params.id, body.advice), {
      again: async ({ errors }) => unknownPage(reply, (await loadEnquiry(db, request.actor, request.params.id, 'read')).enquiry, body, errors),
      conflictPage: `/enquiries/${request.params.id}`,
      done: () => reply.redirect(`/enquiries/${request.params.id}`),
    });
  });

  app.get<IdParams>('/enquiries/:id/abandon', take, async (request, reply) => {
    const { enquiry } = await loadEnquiry(db, request.actor, request.params.id, 'continue');
    return reply.view('enquiries/abandon.njk', { title: 'End the call without an answer?', enquiry, backLink: { href: `/enquiries/${enquiry.id}/search` } });
  });
  app.post<IdParams>('/enquiries/:id/abandon', take, async (request, reply) => {
    return runAction(reply, () => abandonEnquiry(db, request.actionContext(), request.params.id), {
      again: refusalPage(reply, `/enquiries/${request.params.id}`),
      conflictPage: `/enquiries/${request.params.id}`,
      done: () => reply.redirect(`/enquiries/${request.params.id}`),
    });
  });

  app.get<IdParams>('/enquiries/:id', take, async (request, reply) => {
    const page = await enquiryForPage(db, request.actionContext(), request.params.id);
    return reply.view('enquiries/show.njk', {
      title: 'Enquiry', ...page, canContinue: page.enquiry.status === 'open' && page.enquiry.takenBy === request.actor?.id,
      backLink: { href: hasRole(request.actor, 'register-officer') ? '/enquiries' : '/' },
    });
  });

  // The designated manager's log of enquiries: the last 7 days, newest first.
  app.get('/enquiries', { config: { access: (actor) => hasRole(actor, 'register-officer') } }, async (_request, reply) => {
    const weekAgo = new Date(app.convene.clock().getTime() - 7 * 86_400_000);
    return reply.view('enquiries/list.njk', { title: 'Enquiries in the last 7 days', rows: await enquiriesSince(db, weekAgo), backLink: { href: '/' } });
  });
}
