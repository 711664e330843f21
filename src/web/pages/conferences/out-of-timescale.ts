import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../../domain/deadlines/format-date.js';
import { signaturesNeeded } from '../../../domain/booking/out-of-timescale.js';
import type { PackId } from '../../../domain/packs/pack-id.js';
import { decideOutOfTimescale } from '../../../modules/booking/decide-out-of-timescale.js';
import { loadOutOfTimescaleRequests, type OutOfTimescaleRequestRow } from '../../../modules/booking/load-out-of-timescale-requests.js';
import { requestOutOfTimescale } from '../../../modules/booking/request-out-of-timescale.js';
import { loadConferenceWithChildren } from '../../../modules/shared/load-conference.js';
import type { FieldError } from '../../../modules/shared/errors.js';
import { mayDecideOutOfTimescale, mayRequestOutOfTimescale } from '../../../policies/booking.js';
import { auditReads } from '../../form-fields.js';
import { answerRefusal, refusalPage, submitForm } from '../../forms/run-action.js';
import { decisionForm, outOfTimescaleForm } from './form.js';
import { kindLabel } from './presenter.js';

/** TS30: who has signed, and what is still needed, in words. */
function signaturesText(signatures: readonly { name: string }[], needed: { count: 1 | 2; by: string }): string {
  if (needed.count === 1) return signatures.length ? `Signed by ${signatures[0]!.name}` : 'One service manager signs';
  if (signatures.length === 0) return `Two people sign: ${needed.by}`;
  return `Signed by ${signatures.map((s) => s.name).join(' and ')}; waiting for a second, different signatory (${needed.by})`;
}

type Req = FastifyRequest<{ Params: { id: string }; Querystring: { date?: string } }>;

/** TS30: asking for a late date, and the service managers' list of requests to decide. */
export default function outOfTimescalePages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function renderRequest(request: Req, reply: FastifyReply, extra: { errors?: FieldError[]; values?: unknown } = {}) {
    const { conference, subjects, childIds } = await loadConferenceWithChildren(db, request.params.id);
    await auditReads(request, childIds, 'conference', conference.id);
    if (extra.errors) reply.code(400);
    return reply.view('conferences/out-of-timescale.njk', {
      title: 'Request out-of-timescale authorisation', conference, kindLabel: kindLabel(conference.kind),
      subjectNames: subjects.map((s) => s.name).join(', '), dueText: conference.dueDate ? formatDate(conference.dueDate) : null,
      errors: extra.errors, values: extra.values ?? { proposedDate: request.query.date ?? '' },
      backLink: { href: `/conferences/${conference.id}`, text: 'Back to the conference' },
    });
  }

  app.get<{ Params: { id: string }; Querystring: { date?: string } }>('/conferences/:id/out-of-timescale', { config: { access: mayRequestOutOfTimescale } }, async (request, reply) => {
    try {
      return await renderRequest(request, reply);
    } catch (error) {
      return answerRefusal(reply, error, { again: refusalPage(reply, `/conferences/${request.params.id}`), conflictPage: `/conferences/${request.params.id}` });
    }
  });

  app.post<{ Params: { id: string }; Querystring: { date?: string } }>('/conferences/:id/out-of-timescale', { config: { access: mayRequestOutOfTimescale } }, async (request, reply) => {
    const back = `/conferences/${request.params.id}`;
    const again = (errors: FieldError[]) => renderRequest(request, reply, { errors, values: request.body });
    return submitForm(reply, outOfTimescaleForm, request.body, (data) => requestOutOfTimescale(db, request.actionContext(), request.params.id, data), {
      again,
      conflictPage: back,
      done: () => reply.redirect(`${back}?done=requested`),
    });
  });

  async function renderList(request: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldError[]; notice?: string | null } = {}) {
    const { pending, decided, children } = await loadOutOfTimescaleRequests(db);
    await auditReads(request, children.map((c) => c.childId), 'out-of-timescale-list');
    const row = (r: OutOfTimescaleRequestRow) => ({
      ...r.a, kindLabel: kindLabel(r.kind), requester: r.requester, signaturesText: signaturesText(r.a.signatures, signaturesNeeded(r.pack as PackId)), proposedText: formatDate(r.a.proposedDate),
      dueText: r.dueDate ? formatDate(r.dueDate) : '', names: children.filter((c) => c.conferenceId === r.a.conferenceId).map((c) => c.name).join(', '),
    });
    if (extra.errors) reply.code(400);
    return reply.view('conferences/out-of-timescale-list.njk', {
      title: 'Late bookings: out-of-timescale requests', pending: pending.map(row), decided: decided.map(row),
      errors: extra.errors, notice: extra.notice ?? null, backLink: { href: '/', text: 'Back to my work' },
    });
  }

  app.get<{ Querystring: { done?: string } }>('/out-of-timescale', { config: { access: mayDecideOutOfTimescale } }, async (request, reply) =>
    renderList(request, reply, {
      notice: request.query.done === 'approved' ? 'The late date is authorised.' : request.query.done === 'refused' ? 'The late date is refused.'
        : request.query.done === 'signed' ? 'You have signed. The late date is authorised once a second, different person signs too.' : null,
    }));

  app.post<{ Params: { id: string } }>('/out-of-timescale/:id', { config: { access: mayDecideOutOfTimescale } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const returnTo = typeof body.returnTo === 'string' && /^\/conferences\/[0-9a-f-]{36}$/i.test(body.returnTo) ? body.returnTo : '/out-of-timescale';
    // A refused form comes back on the list page, where several forms share the page: ids carry the request id.
    const suffix = `-${request.params.id}`;
    const again = (errors: FieldError[]) => renderList(request, reply, { errors: errors.map((e) => ({ ...e, field: `${e.field}${suffix}` })) });
    // One signature of two leaves the request waiting for the second signer, whatever was decided.
    const decide = async (data: Parameters<typeof decideOutOfTimescale>[3]) => ((await decideOutOfTimescale(db, request.actionContext(), request.params.id, data)).awaitingSecond ? 'signed' : data.decision);
    return submitForm(reply, decisionForm, body, decide, { again, conflictPage: returnTo, done: (decided) => reply.redirect(`${returnTo}?done=${decided}`) });
  });
}
