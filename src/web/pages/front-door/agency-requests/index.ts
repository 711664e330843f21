import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decideAgencyRequest } from '../../../../modules/front-door/decide-agency-request.js';
import { loadAgencyRequestPage, loadRequestingAgencies } from '../../../../modules/front-door/load-agency-request-page.js';
import { loadCase } from '../../../../modules/shared/load-records.js';
import { recordAgencyRequest } from '../../../../modules/front-door/record-agency-request.js';
import { type FieldError } from '../../../../modules/shared/errors.js';
import { mayAuthoriseCaseDecisions, mayRecordCaseWork, mayViewChildRecords } from '../../../../policies/children.js';
import { auditReads, londonNowParts } from '../../../form-fields.js';
import { submitForm } from '../../../forms/run-action.js';
import { agencyDecisionForm, agencyRequestForm } from './form.js';

/** FD5: a partner agency asks for a conference; a manager agrees (normally) or declines, with reasons. */
export default function agencyRequestPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function renderNew(request: FastifyRequest<{ Params: { caseId: string } }>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: unknown } = {}) {
    const episode = await loadCase(db, request.params.caseId);
    await auditReads(request, [episode.child.id], 'case', episode.case.id);
    if (extra.errors) reply.code(400);
    return reply.view('front-door/agency-requests/new.njk', {
      title: `Record an agency’s request for a conference: ${episode.name}`, name: episode.name, caseId: episode.case.id,
      agencies: await loadRequestingAgencies(db), values: extra.values ?? { receivedDate: londonNowParts(app.convene.clock()).date }, errors: extra.errors,
      backLink: { href: `/cases/${episode.case.id}/front-door` },
    });
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/agency-requests/new', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    return renderNew(request, reply);
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/agency-requests/new', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const back = `/cases/${request.params.caseId}/front-door`;
    const again = (errors: FieldError[]) => renderNew(request, reply, { errors, values: request.body });
    return submitForm(reply, agencyRequestForm, request.body, (data) => recordAgencyRequest(db, request.actionContext(), request.params.caseId, data), {
      again,
      conflictPage: back,
      done: (id) => reply.redirect(`/agency-requests/${id}?done=${encodeURIComponent('The request has been recorded. A manager decides on it; such requests are normally agreed.')}`),
    });
  });

  async function render(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: unknown; notice?: string | null } = {}) {
    const { item, episode, organisationName, decidedByName } = await loadAgencyRequestPage(db, request.params.id);
    await auditReads(request, [episode.child.id], 'agency-conference-request', item.id);
    if (extra.errors) reply.code(400);
    return reply.view('front-door/agency-requests/show.njk', {
      title: `Request for a conference: ${episode.name}`, name: episode.name, item, organisationName,
      decidedByName, householdId: episode.case.householdId,
      mayDecide: mayAuthoriseCaseDecisions(request.actor), errors: extra.errors, values: extra.values ?? {}, notice: extra.notice ?? null,
      backLink: { href: `/cases/${item.caseId}/front-door` },
    });
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/agency-requests/:id', { config: { access: mayViewChildRecords } }, async (request, reply) => {
    return render(request, reply, { notice: request.query.done ?? null });
  });

  app.post<{ Params: { id: string } }>('/agency-requests/:id', { config: { access: mayAuthoriseCaseDecisions } }, async (request, reply) => {
    const back = `/agency-requests/${request.params.id}`;
    const again = (errors: FieldError[]) => render(request, reply, { errors, values: request.body });
    const decide = async (data: { decision: string } & Parameters<typeof decideAgencyRequest>[3]) => ({ decision: data.decision, ...(await decideAgencyRequest(db, request.actionContext(), request.params.id, data)) });
    return submitForm(reply, agencyDecisionForm, request.body, decide, {
      again,
      conflictPage: back,
      // An agreed request goes straight on to the decision to convene for the child's household.
      done: ({ decision, householdId }) => reply.redirect(decision === 'agreed' && householdId ? `/households/${householdId}/convene` : `${back}?done=${encodeURIComponent('The decision on the request has been recorded.')}`),
    });
  });
}
