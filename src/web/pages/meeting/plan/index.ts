import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { outlinePlanGaps } from '../../../../domain/conference/outline-plan.js';
import { OUTCOME_LABELS, isOutcome } from '../../../../domain/conference/decision.js';
import { loadMeetingState, subjectOf } from '../../../../modules/meeting/meeting-state.js';
import { outlineContent } from '../../../../modules/meeting/outline-content.js';
import { saveOutlinePlan } from '../../../../modules/meeting/save-outline-plan.js';
import { loadSlotFacts } from '../../../../modules/meeting/load-slot-facts.js';
import { mayRunMeeting } from '../../../../policies/meeting.js';
import { addDraftRoute, dropDraft, restoreDraft, type DraftSpec } from '../../../drafts.js';
import { auditReads, meetingUrl, shownRefusal } from '../page-helpers.js';
import { submitShowingValues } from '../../../forms/run-action.js';
import { actionsFrom, outlinePlanFields } from './form.js';

const access = { config: { access: mayRunMeeting } };
type Params = { Params: { id: string; childId: string } };

function outlineDraftKey(childId: string): string {
  return `outline-plan-${childId.toLowerCase()}`;
}

/** Spare empty rows so a new action can be typed without scripts. */
const SPARE_ROWS = 3;

/** PL1 and PL3: the outline plan for one child, written in the meeting. */
export default function outlinePlanPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function page(request: FastifyRequest<Params>, reply: FastifyReply, values: Record<string, unknown> | null, extra: Record<string, unknown> = {}) {
    const state = await loadMeetingState(db, request.params.id);
    const child = subjectOf(state, request.params.childId);
    await auditReads(request, state, 'conference-meeting-outline-plan');
    const saved = state.outlinePlans.find((p) => p.childId === child.childId) ?? null;
    const content = outlineContent(saved);
    const decision = state.decisions.find((d) => d.childId === child.childId);
    let shown: Record<string, unknown>;
    let rows: number;
    // Coming back to the form while the meeting runs: the person's own draft, if any (issue 14).
    const draft = !values && state.meetingStatus === 'in-progress' ? await restoreDraft(request, outlineDraftKey(child.childId), state.conference.id) : null;
    if (draft) values = { ...draft.fields, version: saved?.version ?? '' };
    if (values) {
      shown = values;
      rows = Number(values.actionRows ?? 0) || SPARE_ROWS;
    } else {
      shown = { ...content, version: saved?.version ?? '' };
      content.actions.forEach((a, i) => {
        shown[`action_${i}_action`] = a.action;
        shown[`action_${i}_owner`] = a.owner;
        shown[`action_${i}_professional`] = a.ownerIsProfessional ? 'yes' : '';
        shown[`action_${i}_jobTitle`] = a.ownerJobTitle;
        shown[`action_${i}_timescale`] = a.timescale;
        shown[`action_${i}_checkedBy`] = a.checkedBy;
      });
      rows = content.actions.length + SPARE_ROWS;
    }
    return reply.view('meeting/plan/page.njk', {
      title: `Outline plan for ${child.name}`,
      conferenceId: state.conference.id, child, values: shown, rows: Array.from({ length: rows }, (_, i) => i), rowCount: rows,
      gaps: outlinePlanGaps(content),
      outcomeLabel: decision && isOutcome(decision.outcome) ? OUTCOME_LABELS[decision.outcome] : null,
      editable: state.meetingStatus === 'in-progress',
      slot: await loadSlotFacts(db, state),
      draft,
      backLink: { href: meetingUrl(state.conference.id) },
      ...extra,
    });
  }

  app.get<Params>('/conferences/:id/meeting/children/:childId/plan', access, async (request, reply) => page(request, reply, null));

  /** The outline plan written in the meeting keeps its writer's typing as a draft, per child (issue 14). */
  const outlineDraft: DraftSpec = {
    formKey: (request) => outlineDraftKey((request.params as { childId: string }).childId),
    target: async (request) => {
      const { id, childId } = request.params as { id: string; childId: string };
      const state = await loadMeetingState(db, id);
      subjectOf(state, childId);
      return { recordId: state.conference.id, childIds: state.subjects.map((c) => c.childId) };
    },
    pagePath: (request) => {
      const { id, childId } = request.params as { id: string; childId: string };
      return meetingUrl(id, `/children/${childId}/plan`);
    },
  };
  addDraftRoute(app, '/conferences/:id/meeting/children/:childId/plan', mayRunMeeting, outlineDraft);

  app.post<Params>('/conferences/:id/meeting/children/:childId/plan', { config: { access: mayRunMeeting, draft: outlineDraft } }, async (request, reply) => {
    const save = ({ actionRows, version, ...rest }: z.infer<typeof outlinePlanFields>) =>
      saveOutlinePlan(db, request.actionContext(), request.params.id, request.params.childId, { ...rest, actions: actionsFrom(request.body as Record<string, unknown>, actionRows) }, version);
    return submitShowingValues(reply, outlinePlanFields, save, {
      again: (refusal) => page(request, reply, refusal.values, shownRefusal(refusal)),
      done: async () => {
        await dropDraft(request, outlineDraftKey(request.params.childId), request.params.id);
        return reply.redirect(meetingUrl(request.params.id, `/children/${request.params.childId}/plan?saved=1`));
      },
    });
  });
}
