import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STRATEGY_AGENCIES, STRATEGY_AGENCY_LABELS } from '../../../../domain/front-door/strategy-discussion-rules.js';
import { workingCalendar } from '../../../../modules/calendar/calendar-store.js';
import { londonDateOf } from '../../../../domain/calendar/london-time.js';
import { loadHousehold, loadHouseholdChildren } from '../../../../modules/shared/load-records.js';
import { loadStrategyDiscussionPage } from '../../../../modules/front-door/load-strategy-discussion-page.js';
import { recordCirculation } from '../../../../modules/front-door/record-circulation.js';
import { recordStrategyDiscussion } from '../../../../modules/front-door/record-strategy-discussion.js';
import { startSection47Enquiries } from '../../../../modules/front-door/start-section-47.js';
import { type FieldError } from '../../../../modules/shared/errors.js';
import { mayRecordCaseWork, mayViewChildRecords } from '../../../../policies/children.js';
import { auditReads, londonNowParts } from '../../../form-fields.js';
import { submitForm } from '../../../forms/run-action.js';
import { circulationForm, discussionForm, PARTICIPANT_ROWS, startEnquiriesForm } from './form.js';
import { presentDiscussion } from './presenter.js';

const agencyOptions = STRATEGY_AGENCIES.map((a) => ({ value: a, text: STRATEGY_AGENCY_LABELS[a] }));
const rows = Array.from({ length: PARTICIPANT_ROWS }, (_, i) => i);

/** FD3 strategy discussions, and FD4 enquiries started from them. */
export default function strategyDiscussionPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function renderNew(request: FastifyRequest<{ Params: { householdId: string } }>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: Record<string, unknown> }) {
    const household = await loadHousehold(db, request.params.householdId);
    const children = (await loadHouseholdChildren(db, household.id, londonDateOf(app.convene.clock()))).filter((c) => c.hasCase);
    await auditReads(request, children.map((c) => c.childId), 'household', household.id);
    const now = londonNowParts(app.convene.clock());
    const values = extra.values ?? {
      heldDate: now.date, heldTime: now.time, caseIds: children.map((c) => c.caseId),
      participantAgency0: 'childrens-social-care', participantAgency1: 'police', participantAgency2: 'health',
    };
    if (extra.errors) reply.code(400);
    return reply.view('front-door/strategy-discussions/new.njk', {
      title: `Record a strategy discussion: ${household.name}`, household, children, agencyOptions, rows,
      values: { ...values, caseIds: [values.caseIds ?? []].flat() }, errors: extra.errors,
      backLink: { href: `/households/${household.id}/front-door` },
    });
  }

  app.get<{ Params: { householdId: string } }>('/households/:householdId/strategy-discussions/new', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    return renderNew(request, reply, {});
  });

  app.post<{ Params: { householdId: string } }>('/households/:householdId/strategy-discussions/new', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const values = request.body as Record<string, unknown>;
    const again = (errors: FieldError[]) => renderNew(request, reply, { errors, values });
    return submitForm(reply, discussionForm, request.body, (data) => recordStrategyDiscussion(db, request.actionContext(), request.params.householdId, data), {
      again,
      conflictPage: `/households/${request.params.householdId}/front-door`,
      done: (id) => reply.redirect(`/strategy-discussions/${id}?done=${encodeURIComponent('The strategy discussion has been recorded. Circulate the record within one working day.')}`),
    });
  });

  async function renderDiscussion(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: unknown; notice?: string | null }) {
    const { discussion, children, enquiries } = await loadStrategyDiscussionPage(db, request.params.id);
    await auditReads(request, children.map((c) => c.childId), 'strategy-discussion', discussion.id);
    const now = app.convene.clock();
    const view = presentDiscussion(discussion, children, enquiries, await workingCalendar(db), now);
    if (extra.errors) reply.code(400);
    return reply.view('front-door/strategy-discussions/show.njk', {
      title: 'Strategy discussion', discussion, ...view, today: londonNowParts(now), mayRecord: mayRecordCaseWork(request.actor),
      errors: extra.errors, values: extra.values ?? {}, notice: extra.notice ?? null,
      backLink: { href: discussion.householdId ? `/households/${discussion.householdId}/front-door` : '/' },
    });
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/strategy-discussions/:id', { config: { access: mayViewChildRecords } }, async (request, reply) => {
    return renderDiscussion(request, reply, { notice: request.query.done ?? null });
  });

  app.post<{ Params: { id: string } }>('/strategy-discussions/:id/circulation', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const back = `/strategy-discussions/${request.params.id}`;
    const again = (errors: FieldError[]) => renderDiscussion(request, reply, { errors, values: request.body });
    return submitForm(reply, circulationForm, request.body, (data) => recordCirculation(db, request.actionContext(), request.params.id, data), { again, conflictPage: back, done: () => reply.redirect(`${back}?done=${encodeURIComponent('The circulation of the record has been recorded.')}`) });
  });

  app.post<{ Params: { id: string } }>('/strategy-discussions/:id/section-47', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const back = `/strategy-discussions/${request.params.id}`;
    const again = (errors: FieldError[]) => renderDiscussion(request, reply, { errors, values: request.body });
    return submitForm(reply, startEnquiriesForm, request.body, (data) => startSection47Enquiries(db, request.actionContext(), request.params.id, data.caseIds), { again, conflictPage: back, done: () => reply.redirect(`${back}?done=${encodeURIComponent('Section 47 enquiries have started.')}`) });
  });
}
