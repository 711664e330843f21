import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../../../domain/conference/kinds.js';
import { STATUS_LABELS, type ConferenceStatus } from '../../../../domain/conference/transitions.js';
import { bookingPrompt } from '../../../../domain/front-door/booking-prompt.js';
import type { PackId } from '../../../../domain/packs/pack-id.js';
import { workingCalendar } from '../../../../modules/calendar/calendar-store.js';
import { authoriseDecisionToConvene } from '../../../../modules/front-door/authorise-decision-to-convene.js';
import { declineDecisionToConvene } from '../../../../modules/front-door/decline-decision-to-convene.js';
import { loadDecisionToConvene } from '../../../../modules/front-door/load-decision-to-convene.js';
import { loadDecisionsAwaitingAuthorisation } from '../../../../modules/front-door/load-decisions-awaiting-authorisation.js';
import { type FieldError } from '../../../../modules/shared/errors.js';
import { mayAuthoriseCaseDecisions, mayViewChildRecords } from '../../../../policies/children.js';
import { auditReads } from '../../../form-fields.js';
import { submitForm } from '../../../forms/run-action.js';
import { authoriseForm, declineForm } from './form.js';

type Req = FastifyRequest<{ Params: { id: string } }>;

const kindLabel = (kind: string) => CONFERENCE_KIND_LABELS[kind as ConferenceKind] ?? kind;

/** The team manager's authorisation of decisions to convene: the list, each decision, authorise or decline. */
export default function authorisationPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get<{ Querystring: { done?: string } }>('/decisions-to-convene', { config: { access: mayAuthoriseCaseDecisions } }, async (request, reply) => {
    const { decisions, childIds } = await loadDecisionsAwaitingAuthorisation(db);
    // A list of names is a read of those children's records.
    await auditReads(request, childIds, 'decisions-to-convene');
    return reply.view('front-door/authorise/list.njk', {
      title: 'Decisions to convene waiting for authorisation',
      rows: decisions.map(({ conference, ...shown }) => ({ ...conference, ...shown, kindLabel: kindLabel(conference.kind) })),
      notice: request.query.done ?? null, backLink: { href: '/' },
    });
  });

  async function render(request: Req, reply: FastifyReply, extra: { errors?: FieldError[]; values?: unknown; notice?: string | null } = {}) {
    const { conference, subjects, householdChildren, childIds, requestedByName, authorisedByName, iroName, cancelledReason } = await loadDecisionToConvene(db, request.params.id);
    await auditReads(request, childIds, 'conference', conference.id);
    let prompt: ReturnType<typeof bookingPrompt> = null;
    if (conference.decisionToConveneOn) {
      try {
        prompt = bookingPrompt(conference.pack as PackId, Temporal.PlainDate.from(conference.decisionToConveneOn), await workingCalendar(db));
      } catch {
        prompt = null;
      }
    }
    if (extra.errors) reply.code(400);
    return reply.view('front-door/authorise/show.njk', {
      cancelledReason,
      title: kindLabel(conference.kind), conference, subjects, householdChildren,
      kindLabel: kindLabel(conference.kind), statusLabel: STATUS_LABELS[conference.status as ConferenceStatus] ?? conference.status,
      requestedByName, authorisedByName, iroName,
      bookingPrompt: prompt, awaiting: conference.status === 'awaiting-authorisation',
      mayAuthorise: mayAuthoriseCaseDecisions(request.actor),
      errors: extra.errors, values: extra.values ?? {}, notice: extra.notice ?? null,
      backLink: { href: mayAuthoriseCaseDecisions(request.actor) ? '/decisions-to-convene' : (conference.householdId ? `/households/${conference.householdId}/front-door` : '/') },
    });
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/conferences/:id/authorise', { config: { access: mayViewChildRecords } }, async (request, reply) => {
    return render(request, reply, { notice: request.query.done ?? null });
  });

  app.post<{ Params: { id: string } }>('/conferences/:id/authorise', { config: { access: mayAuthoriseCaseDecisions } }, async (request, reply) => {
    const back = `/conferences/${request.params.id}/authorise`;
    const again = (errors: FieldError[]) => render(request, reply, { errors, values: request.body });
    return submitForm(reply, authoriseForm, request.body, (data) => authoriseDecisionToConvene(db, request.actionContext(), request.params.id, data.version), { again, conflictPage: back, done: () => reply.redirect(`/decisions-to-convene?done=${encodeURIComponent('Authorised: the conference is now with business support to book.')}`) });
  });

  app.post<{ Params: { id: string } }>('/conferences/:id/decline', { config: { access: mayAuthoriseCaseDecisions } }, async (request, reply) => {
    const back = `/conferences/${request.params.id}/authorise`;
    const again = (errors: FieldError[]) => render(request, reply, { errors, values: request.body });
    return submitForm(reply, declineForm, request.body, (data) => declineDecisionToConvene(db, request.actionContext(), request.params.id, data.version, data.reasons), { again, conflictPage: back, done: () => reply.redirect(`/decisions-to-convene?done=${encodeURIComponent('Declined: the social worker can see your reasons.')}`) });
  });
}
