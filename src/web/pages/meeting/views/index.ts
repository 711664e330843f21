import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AGENCY_LABELS, isAgencyId } from '../../../../domain/conference/agencies.js';
import { CATEGORY_CODES, CATEGORY_LABELS } from '../../../../domain/conference/categories.js';
import { presentForDecision } from '../../../../domain/conference/quorum.js';
import { tallyViews } from '../../../../domain/conference/views.js';
import { practitionerViews } from '../../../../modules/meeting/decision-context.js';
import { loadMeetingState, quorumAttendee, subjectOf, type MeetingState } from '../../../../modules/meeting/meeting-state.js';
import { saveViewsGrid, viewRowFingerprint } from '../../../../modules/meeting/save-views-grid.js';
import { loadSlotFacts } from '../../../../modules/meeting/load-slot-facts.js';
import type { FieldError } from '../../../../modules/shared/errors.js';
import { mayRunMeeting } from '../../../../policies/meeting.js';
import { asArray } from '../../../forms.js';
import { auditReads, meetingUrl, namedRowErrors } from '../page-helpers.js';
import { submitRows } from '../../../forms/run-action.js';
import { parseViewsGrid } from './form.js';

const access = { config: { access: mayRunMeeting } };
type Params = { Params: { id: string; childId: string; viewId?: string }; Querystring: { saved?: string } };

interface GridValues {
  version: string;
  /** The digest of the row as loaded: the stored view's, or the one the refused form carried. */
  loaded: string;
  planNeeded: string;
  categories: string[];
  reasons: string;
}

/** The digest of a stored view as the grid shows it ('' for a row with no view yet). */
function storedFingerprint(view: { planNeeded: boolean; categories: readonly string[]; reasons: string } | null): string {
  return view ? viewRowFingerprint(view) : '';
}

/** Who has a row in a child's grid: the professionals present for the decision, and anyone whose view is already recorded. */
function contributors(state: MeetingState, childId: string) {
  const views = state.views.filter((v) => v.childId === childId);
  return state.attendance
    .filter((a) => (a.kind === 'professional' && presentForDecision(quorumAttendee(a))) || views.some((v) => v.attendanceId === a.id))
    .map((a) => ({ person: a, view: views.find((v) => v.attendanceId === a.id) ?? null }));
}

/** DC2: the views of those present on whether this child needs a plan, as one grid per child; in Pan-Dorset one per agency, with the tally. */
export default function viewPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function grid(request: FastifyRequest<Params>, reply: FastifyReply, typed: Record<string, unknown> | null, extra: { errors?: FieldError[]; staleVersions?: Map<string, number | null> } = {}) {
    const state = await loadMeetingState(db, request.params.id);
    const child = subjectOf(state, request.params.childId);
    await auditReads(request, state, 'conference-meeting-views');
    const byEachAgency = state.rules.views.givenBy === 'each-agency';
    const typedIds = new Set(typed ? asArray(typed.rows) : []);
    const rows = contributors(state, child.childId).map(({ person, view }) => {
      const id = person.id;
      const text = (k: string) => (typed && typeof typed[`${k}-${id}`] === 'string' ? (typed[`${k}-${id}`] as string) : '');
      const values: GridValues = typed && typedIds.has(id)
        ? { version: text('version'), loaded: text('loaded'), planNeeded: text('planNeeded'), categories: asArray(typed[`categories-${id}`]), reasons: text('reasons') }
        : { version: view ? String(view.version) : '', loaded: storedFingerprint(view), planNeeded: view ? (view.planNeeded ? 'yes' : 'no') : '', categories: view ? [...view.categories] : [], reasons: view?.reasons ?? '' };
      const current = extra.staleVersions?.get(id);
      if (current !== undefined && current !== null) {
        values.version = String(current);
        values.loaded = storedFingerprint(view);
      }
      return { id, name: person.name, agencyLabel: person.agency && isAgencyId(person.agency) ? AGENCY_LABELS[person.agency] : person.role, recorded: Boolean(view), values };
    });
    return reply.view('meeting/views/page.njk', {
      title: `Views on ${child.name}`,
      conferenceId: state.conference.id, child, rows,
      editable: state.meetingStatus === 'in-progress',
      byEachAgency,
      tally: tallyViews(practitionerViews(state, child.childId)),
      categories: CATEGORY_CODES.map((c) => ({ value: c, text: CATEGORY_LABELS[c] })),
      // The offline script keys what it keeps by conference, child and the versions the grid was loaded with.
      formKey: `views:${child.childId}:${state.views.filter((v) => v.childId === child.childId).map((v) => v.version).join('.')}`,
      slot: await loadSlotFacts(db, state),
      backLink: { href: meetingUrl(state.conference.id) },
      errors: extra.errors ? namedRowErrors(extra.errors, state.attendance) : undefined,
      notice: request.query.saved ? 'The views are saved.' : null,
    });
  }

  app.get<Params>('/conferences/:id/meeting/children/:childId/views', access, async (request, reply) => grid(request, reply, null));

  // A link to one view (from before the grid) opens the grid at that contributor's row.
  app.get<Params>('/conferences/:id/meeting/children/:childId/views/:viewId', access, async (request, reply) => {
    const state = await loadMeetingState(db, request.params.id);
    const v = state.views.find((x) => x.id === request.params.viewId && x.childId === request.params.childId);
    if (!v) return reply.callNotFound();
    return reply.redirect(meetingUrl(request.params.id, `/children/${request.params.childId}/views#row-${v.attendanceId}`));
  });

  app.post<Params>('/conferences/:id/meeting/children/:childId/views', access, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return submitRows(reply, parseViewsGrid(body), (rows) => saveViewsGrid(db, request.actionContext(), request.params.id, request.params.childId, rows), {
      field: 'planNeeded',
      again: (shown) => grid(request, reply, body, shown),
      done: () => reply.redirect(meetingUrl(request.params.id, `/children/${request.params.childId}/views?saved=1`)),
    });
  });
}
