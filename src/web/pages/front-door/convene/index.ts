import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { CONFERENCE_KIND_LABELS } from '../../../../domain/conference/kinds.js';
import { bookingPrompt } from '../../../../domain/front-door/booking-prompt.js';
import { CONVENE_KINDS } from '../../../../domain/front-door/convene-checks.js';
import { workingCalendar } from '../../../../modules/calendar/calendar-store.js';
import { loadUserNames } from '../../../../modules/accounts/load-user-names.js';
import { addChildToReview } from '../../../../modules/front-door/add-child-to-review.js';
import { decideToConvene } from '../../../../modules/front-door/decide-to-convene.js';
import { londonDateOf } from '../../../../domain/calendar/london-time.js';
import { loadHousehold, loadHouseholdChildren } from '../../../../modules/shared/load-records.js';
import { loadConferenceWithChildren } from '../../../../modules/shared/load-conference.js';
import { type FieldError } from '../../../../modules/shared/errors.js';
import { mayRecordCaseWork } from '../../../../policies/children.js';
import { auditReads, londonNowParts } from '../../../form-fields.js';
import { submitForm } from '../../../forms/run-action.js';
import { renderHouseholdFrontDoor } from '../household/render.js';
import { conveneForm, reviewSubjectForm } from './form.js';
import { presentChildren } from './presenter.js';

type Req = FastifyRequest<{ Params: { householdId: string } }>;

const kindOptions = CONVENE_KINDS.map((k) => ({
  value: k, text: CONFERENCE_KIND_LABELS[k],
  hint: k === 'pre-birth' ? 'For an unborn child recorded with an expected date of delivery.' : undefined,
}));

/** FD5 / CV1 / CV2 / CV5 / UB1 / TS29: the decision to convene, and CV3 adding a child to a review. */
export default function convenePages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function render(request: Req, reply: FastifyReply, extra: { errors?: FieldError[]; values?: Record<string, unknown> } = {}) {
    const household = await loadHousehold(db, request.params.householdId);
    const now = app.convene.clock();
    const all = await loadHouseholdChildren(db, household.id, londonDateOf(now));
    await auditReads(request, all.map((c) => c.childId), 'household', household.id);
    const children = presentChildren(all.filter((c) => c.hasCase));
    const withoutCase = all.filter((c) => !c.hasCase).map((c) => c.name);
    const iros = await loadUserNames(db, children.map((c) => c.iroId));
    const today = londonNowParts(now);
    const values = extra.values ?? {
      kind: children.some((c) => c.suggestedSubject && c.unborn) ? 'pre-birth' : 'initial',
      decisionDate: today.date,
      ...Object.fromEntries(children.map((c) => [c.fields.role, c.suggestedSubject ? 'subject' : 'household'])),
    };
    const decided = typeof values.decisionDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(values.decisionDate) ? values.decisionDate : today.date;
    const calendar = await workingCalendar(db);
    let prompt;
    try {
      prompt = bookingPrompt(app.convene.settings.pack, Temporal.PlainDate.from(decided), calendar);
    } catch {
      prompt = null; // a date outside the calendar's range: the form's own validation says so
    }
    if (extra.errors) reply.code(400);
    return reply.view('front-door/convene/page.njk', {
      title: `Decide to convene a conference: ${household.name}`, household, children, withoutCase, kindOptions, values,
      errors: extra.errors, bookingPrompt: prompt,
      lookedAfter: children.filter((c) => c.lookedAfter).map((c) => ({ name: c.name, iro: c.iroId ? (iros.get(c.iroId) ?? null) : null })),
      backLink: { href: `/households/${household.id}/front-door` },
    });
  }

  app.get<{ Params: { householdId: string } }>('/households/:householdId/convene', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    return render(request, reply);
  });

  app.post<{ Params: { householdId: string } }>('/households/:householdId/convene', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const back = `/households/${request.params.householdId}/front-door`;
    const values = request.body as Record<string, unknown>;
    const again = (errors: FieldError[]) => render(request, reply, { errors, values });
    const household = await loadHousehold(db, request.params.householdId);
    const children = (await loadHouseholdChildren(db, household.id, londonDateOf(app.convene.clock()))).filter((c) => c.hasCase);
    return submitForm(reply, conveneForm(children.map((c) => c.caseId)), request.body, (data) => decideToConvene(db, request.actionContext(), household.id, app.convene.settings.pack, data), {
      again,
      conflictPage: back,
      done: (id) => reply.redirect(`/conferences/${id}/authorise?done=${encodeURIComponent('The decision to convene has been recorded. A team manager must now authorise it.')}`),
    });
  });

  app.post<{ Params: { id: string } }>('/conferences/:id/review-subjects', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const { householdId } = (await loadConferenceWithChildren(db, request.params.id)).conference;
    if (!householdId) return reply.callNotFound();
    const back = `/households/${householdId}/front-door`;
    const again = (errors: FieldError[]) => renderHouseholdFrontDoor(request, reply, householdId, { errors, values: request.body, reviewConferenceId: request.params.id });
    return submitForm(reply, reviewSubjectForm, request.body, (data) => addChildToReview(db, request.actionContext(), request.params.id, data), { again, conflictPage: back, done: () => reply.redirect(`${back}?done=${encodeURIComponent('The child has been added as a subject of the review conference.')}`) });
  });
}
