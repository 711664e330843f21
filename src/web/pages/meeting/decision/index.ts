import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CATEGORY_CODES, CATEGORY_LABELS, describeCategories } from '../../../../domain/conference/categories.js';
import { OUTCOMES, OUTCOME_LABELS } from '../../../../domain/conference/decision.js';
import { COMPLAINTS_ROUTE } from '../../../../domain/conference/opening-checklist.js';
import { tallyViews } from '../../../../domain/conference/views.js';
import { formatDate } from '../../../../domain/deadlines/format-date.js';
import { decisionContextFor } from '../../../../modules/meeting/decision-context.js';
import { loadDecisionStaff } from '../../../../modules/meeting/load-decision-staff.js';
import { loadMeetingState, subjectOf } from '../../../../modules/meeting/meeting-state.js';
import { FIRST_REVIEW_EXCEPTIONS, FIRST_REVIEW_EXCEPTION_LABELS } from '../../../../domain/plans/ending.js';
import { planRules } from '../../../../domain/plans/plan-rules.js';
import { recordDecision } from '../../../../modules/meeting/record-decision.js';
import { recordOverruleConsultation } from '../../../../modules/meeting/record-overrule-consultation.js';
import { loadSlotFacts } from '../../../../modules/meeting/load-slot-facts.js';
import { mayChairConference, mayRunMeeting } from '../../../../policies/meeting.js';
import { auditReads, meetingUrl, shownRefusal } from '../page-helpers.js';
import { submitShowingValues } from '../../../forms/run-action.js';
import { consultationForm, coreGroupText, decisionForm } from './form.js';
import { decisionDefaults } from './defaults.js';

const access = { config: { access: mayRunMeeting } };
type Params = { Params: { id: string; childId: string } };

/** DC1–DC8 for one child: the two harm tests, the outcome against the views and quorum, and what a plan names. */
export default function decisionPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function page(request: FastifyRequest<Params>, reply: FastifyReply, values: Record<string, unknown> | null, extra: Record<string, unknown> = {}) {
    const state = await loadMeetingState(db, request.params.id);
    const child = subjectOf(state, request.params.childId);
    if (!state.meeting) return reply.redirect(meetingUrl(state.conference.id));
    await auditReads(request, state, 'conference-meeting-decision');
    const { context } = await decisionContextFor(db, state, child);
    const staff = await loadDecisionStaff(db);
    const decision = state.decisions.find((d) => d.childId === child.childId) ?? null;
    const shown =
      values ??
      (decision
        ? {
            ...decision,
            sufferedHarm: decision.sufferedHarm === null ? '' : decision.sufferedHarm ? 'yes' : 'no',
            likelyHarm: decision.likelyHarm === null ? '' : decision.likelyHarm ? 'yes' : 'no',
            overrule: decision.overrule ? 'yes' : '',
            complaintsRouteExplained: decision.complaintsRouteExplained ? 'yes' : '',
            coreGroup: coreGroupText(decision.coreGroupMembers),
            endingException: decision.endingChecks?.exception ?? '',
            childViewOnEnding: decision.endingChecks?.childViewAscertained ? 'yes' : '',
            coreAssessmentComplete: decision.endingChecks?.coreAssessmentComplete ? 'yes' : '',
          }
        : decisionDefaults(state, child, context, staff));
    return reply.view('meeting/decision/page.njk', {
      title: `Decision for ${child.name}`,
      conferenceId: state.conference.id, child, decision, values: shown,
      // EN3: asked only where the pack restricts ending a plan at a review.
      endingAsked: child.childType === 'review' && planRules(state.pack).firstReviewEndingRestricted,
      endingExceptions: FIRST_REVIEW_EXCEPTIONS.map((e) => ({ value: e, text: FIRST_REVIEW_EXCEPTION_LABELS[e] })),
      editable: state.meetingStatus === 'in-progress' && mayChairConference(request.actor, state.conference),
      isChair: mayChairConference(request.actor, state.conference),
      context,
      existingCategories: context.existingPlan ? describeCategories(context.existingPlan.categories) : '',
      dueText: { firstCoreGroup: context.firstCoreGroupDue ? formatDate(context.firstCoreGroupDue) : null, review: formatDate(context.reviewDue) },
      quorum: state.quorum.get(child.childId),
      tally: tallyViews(context.views),
      byAgencyMajority: state.rules.views.decidedBy === 'agency-majority',
      severalCategories: state.rules.severalCategories,
      outcomes: OUTCOMES.map((o) => ({ value: o, text: OUTCOME_LABELS[o] })),
      categories: CATEGORY_CODES.map((c) => ({ value: c, text: CATEGORY_LABELS[c] })),
      ...staff,
      complaintsRoute: COMPLAINTS_ROUTE,
      previousOutcome: context.previousOutcome ? OUTCOME_LABELS[context.previousOutcome] : null,
      slot: await loadSlotFacts(db, state),
      backLink: { href: meetingUrl(state.conference.id) },
      ...extra,
    });
  }

  app.get<Params>('/conferences/:id/meeting/children/:childId/decision', access, async (request, reply) => page(request, reply, null));

  app.post<Params>('/conferences/:id/meeting/children/:childId/decision', access, async (request, reply) => {
    return submitShowingValues(reply, decisionForm, (data) => recordDecision(db, request.actionContext(), request.params.id, request.params.childId, data.input, data.version), {
      again: (refusal) => page(request, reply, refusal.values, shownRefusal(refusal)),
      done: () => reply.redirect(meetingUrl(request.params.id, '?done=decision')),
    });
  });

  app.post<Params>('/conferences/:id/meeting/children/:childId/overrule-consultation', access, async (request, reply) => {
    return submitShowingValues(reply, consultationForm, (data) => recordOverruleConsultation(db, request.actionContext(), request.params.id, request.params.childId, data), {
      again: (refusal) => page(request, reply, null, { ...shownRefusal(refusal), consultation: refusal.values }),
      done: () => reply.redirect(meetingUrl(request.params.id, `/children/${request.params.childId}/decision`)),
    });
  });
}
