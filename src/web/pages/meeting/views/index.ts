import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AGENCY_LABELS, isAgencyId } from '../../../../domain/conference/agencies.js';
import { CATEGORY_CODES, CATEGORY_LABELS, describeCategories } from '../../../../domain/conference/categories.js';
import { presentForDecision } from '../../../../domain/conference/quorum.js';
import { tallyViews } from '../../../../domain/conference/views.js';
import { practitionerViews } from '../../../../modules/meeting/decision-context.js';
import { loadMeetingState, quorumAttendee, subjectOf } from '../../../../modules/meeting/meeting-state.js';
import { saveView } from '../../../../modules/meeting/save-view.js';
import { loadSlotFacts } from '../../../../modules/meeting/load-slot-facts.js';
import { NotFoundError } from '../../../../modules/shared/errors.js';
import { mayRunMeeting } from '../../../../policies/meeting.js';
import { parseForm } from '../../../forms.js';
import { auditReads, meetingUrl, shownRefusal } from '../page-helpers.js';
import { runAction } from '../../../forms/run-action.js';
import { viewForm } from './form.js';

const access = { config: { access: mayRunMeeting } };
type Params = { Params: { id: string; childId: string; viewId?: string } };

/** DC2: the views of those present on whether this child needs a plan; in Pan-Dorset one per agency, with the tally. */
export default function viewPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function page(request: FastifyRequest<Params>, reply: FastifyReply, values: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const state = await loadMeetingState(db, request.params.id);
    const child = subjectOf(state, request.params.childId);
    await auditReads(request, state, 'conference-meeting-views');
    const editing = request.params.viewId ? state.views.find((v) => v.id === request.params.viewId && v.childId === child.childId) : null;
    if (request.params.viewId && !editing) throw new NotFoundError('That view is not recorded for this child.');
    const views = state.views.filter((v) => v.childId === child.childId);
    const byEachAgency = state.rules.views.givenBy === 'each-agency';
    return reply.view('meeting/views/page.njk', {
      title: `Views on ${child.name}`,
      conferenceId: state.conference.id, child, editing, values,
      editable: state.meetingStatus === 'in-progress',
      byEachAgency,
      tally: byEachAgency ? tallyViews(practitionerViews(state, child.childId)) : null,
      views: views.map((v) => ({ ...v, agencyLabel: isAgencyId(v.agency) ? AGENCY_LABELS[v.agency] : v.agency, categoriesLabel: describeCategories(v.categories) })),
      people: state.attendance
        .filter((a) => a.kind === 'professional' && presentForDecision(quorumAttendee(a)))
        .map((a) => ({ value: a.id, text: `${a.name} (${a.agency && isAgencyId(a.agency) ? AGENCY_LABELS[a.agency] : a.role})` })),
      categories: CATEGORY_CODES.map((c) => ({ value: c, text: CATEGORY_LABELS[c] })),
      slot: await loadSlotFacts(db, state),
      backLink: { href: meetingUrl(state.conference.id) },
      ...extra,
    });
  }

  app.get<Params>('/conferences/:id/meeting/children/:childId/views', access, async (request, reply) => page(request, reply, { categories: [] }));

  app.get<Params>('/conferences/:id/meeting/children/:childId/views/:viewId', access, async (request, reply) => {
    const state = await loadMeetingState(db, request.params.id);
    const v = state.views.find((x) => x.id === request.params.viewId);
    if (!v) return reply.callNotFound();
    return page(request, reply, { ...v, planNeeded: v.planNeeded ? 'yes' : 'no' });
  });

  async function save(request: FastifyRequest<Params>, reply: FastifyReply) {
    const parsed = parseForm(viewForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return page(request, reply, parsed.values, { errors: parsed.errors });
    }
    const { version, ...input } = parsed.data;
    return runAction(reply, () => saveView(db, request.actionContext(), request.params.id, request.params.childId, request.params.viewId ?? null, input, version), {
      again: (refusal) => page(request, reply, refusal.values, shownRefusal(refusal)),
      done: () => reply.redirect(meetingUrl(request.params.id, `/children/${request.params.childId}/views`)),
    });
  }
  app.post<Params>('/conferences/:id/meeting/children/:childId/views', access, save);
  app.post<Params>('/conferences/:id/meeting/children/:childId/views/:viewId', access, save);
}
