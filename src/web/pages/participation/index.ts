import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MEETING_PARTS, MEETING_PART_LABELS } from '../../../domain/conference/meeting-parts.js';
import { EXCLUSION_GROUND_LABELS, EXCLUSION_GROUNDS, NOT_GROUND_LABELS, NOT_GROUNDS, RECORD_WITHHELD_GROUND_LABELS, RECORD_WITHHELD_GROUNDS } from '../../../domain/participation/exclusion.js';
import {
  advocacyToOfferAgain,
  CHILD_ASSESSMENT_LABELS,
  CHILD_ASSESSMENT_QUESTIONS,
  PREPARATION_ITEMS,
  PREPARATION_LABELS,
  VIEWS_ROUTE_LABELS,
  VIEWS_ROUTES,
} from '../../../domain/participation/participation.js';
import { decideExclusion, requestExclusion } from '../../../modules/participation/exclusions.js';
import { exclusionLetterPdf, loadParticipation } from '../../../modules/participation/load-participation.js';
import { sendExclusionLetter } from '../../../modules/participation/send-exclusion-letter.js';
import { saveChildParticipation, saveFamilyParticipation } from '../../../modules/participation/save-participation.js';
import { mayDistributeConferenceDocuments } from '../../../policies/meeting.js';
import { mayDecideExclusion, mayRecordParticipation, mayRequestExclusion } from '../../../policies/reports.js';
import { hasRole } from '../../../policies/roles.js';
import { runAction, submitShowingValues } from '../../forms/run-action.js';
import { conferenceHeader } from '../../components/conference-header.js';
import { childParticipationForm, exclusionDecisionForm, exclusionRequestForm, familyParticipationForm } from './form.js';

type Params = { Params: { id: string; childId?: string; invitationId?: string }; Querystring: { done?: string } };

const NOTICES: Record<string, string> = {
  child: "The child's participation is saved.",
  family: 'The family member’s arrangements are saved.',
  requested: 'The request has been sent to the chair.',
  decided: 'The decision is recorded.',
  'letter-email': 'The letter is in the outbox, to go by email.',
  'letter-post': 'The letter is in the letters to post, to be printed with the next batch.',
};

/** Participation (IN5–IN8) and exclusion (EX1–EX4, TS18) before the conference. */
export default function participationPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function render(request: FastifyRequest, reply: FastifyReply, conferenceId: string, template: 'participation' | 'exclusions', extra: Record<string, unknown> = {}) {
    const data = await loadParticipation(db, request.actionContext(), conferenceId);
    const done = (request.query as { done?: string } | undefined)?.done ?? '';
    const header = conferenceHeader(data.context);
    return reply.view(`participation/${template}.njk`, {
      title: template === 'participation' ? 'Preparing the child and family' : 'Exclusion requests',
      conference: header,
      children: data.context.subjects.map((c) => {
        const saved = data.children.find((p) => p.childId === c.childId) ?? null;
        return { ...c, saved, offerAgain: advocacyToOfferAgain((saved?.advocacyConsent ?? 'not-yet-asked') as 'given', c.childType) };
      }),
      family: data.familyInvitations.map((i) => ({ invitation: i, saved: data.family.find((f) => f.invitationId === i.id) ?? null })),
      exclusions: data.exclusions.map((e) => ({ ...e.request, requestedByName: e.requestedByName, name: data.familyInvitations.find((i) => i.id === e.request.invitationId)?.name ?? data.context.invitations.find((i) => i.id === e.request.invitationId)?.name ?? '' })),
      familyInvitations: data.familyInvitations,
      questions: CHILD_ASSESSMENT_QUESTIONS.map((q) => ({ id: q, label: CHILD_ASSESSMENT_LABELS[q] })),
      viewsRoutes: VIEWS_ROUTES.map((r) => ({ value: r, text: VIEWS_ROUTE_LABELS[r] })),
      preparation: PREPARATION_ITEMS.map((p) => ({ value: p, text: PREPARATION_LABELS[p] })),
      grounds: [...EXCLUSION_GROUNDS.map((g) => ({ value: g, text: EXCLUSION_GROUND_LABELS[g] })), ...NOT_GROUNDS.map((g) => ({ value: g, text: NOT_GROUND_LABELS[g] }))],
      groundLabels: EXCLUSION_GROUND_LABELS,
      parts: MEETING_PARTS.map((p) => ({ value: p, text: MEETING_PART_LABELS[p] })),
      partLabels: MEETING_PART_LABELS,
      withheldGrounds: RECORD_WITHHELD_GROUNDS.map((g) => ({ value: g, text: RECORD_WITHHELD_GROUND_LABELS[g] })),
      withheldGroundLabels: RECORD_WITHHELD_GROUND_LABELS,
      maySendLetter: mayDistributeConferenceDocuments(request.actor),
      isChair: mayDecideExclusion(request.actor, data.context.conference),
      canRecord: mayRecordParticipation(request.actor),
      notice: NOTICES[done] ?? null,
      values: {},
      backLink: { href: `/conferences/${conferenceId}/reports`, text: 'Back to the reports' },
      ...extra,
    });
  }

  const participation = { config: { access: mayRecordParticipation } };
  app.get<Params>('/conferences/:id/participation', participation, async (request, reply) => render(request, reply, request.params.id, 'participation'));

  app.post<Params>('/conferences/:id/participation/children/:childId', participation, async (request, reply) => {
    return submitShowingValues(reply, childParticipationForm, (data) => saveChildParticipation(db, request.actionContext(), request.params.id, request.params.childId!, data), {
      again: (refusal) => render(request, reply, request.params.id, 'participation', { errors: refusal.errors, focusChild: request.params.childId, childValues: refusal.values }),
      done: () => reply.redirect(`/conferences/${request.params.id}/participation?done=child`),
    });
  });

  app.post<Params>('/conferences/:id/participation/family/:invitationId', participation, async (request, reply) => {
    return submitShowingValues(reply, familyParticipationForm, (data) => saveFamilyParticipation(db, request.actionContext(), request.params.id, request.params.invitationId!, data), {
      again: (refusal) => render(request, reply, request.params.id, 'participation', { errors: refusal.errors, focusInvitation: request.params.invitationId, familyValues: refusal.values }),
      done: () => reply.redirect(`/conferences/${request.params.id}/participation?done=family`),
    });
  });

  const exclusions = { config: { access: mayRequestExclusion } };
  app.get<Params>('/conferences/:id/exclusions', exclusions, async (request, reply) => render(request, reply, request.params.id, 'exclusions'));

  app.post<Params>('/conferences/:id/exclusions', exclusions, async (request, reply) => {
    return submitShowingValues(reply, exclusionRequestForm, (data) => requestExclusion(db, request.actionContext(), request.params.id, data), {
      again: (refusal) => render(request, reply, request.params.id, 'exclusions', { errors: refusal.errors, values: refusal.values }),
      done: () => reply.redirect(`/conferences/${request.params.id}/exclusions?done=requested`),
    });
  });

  app.post<{ Params: { id: string } }>('/exclusions/:id/decision', { config: { access: (a) => hasRole(a, 'chair') } }, async (request, reply) => {
    const conferenceId = String((request.body as Record<string, unknown>)?.conferenceId ?? '');
    if (!/^[0-9a-f-]{36}$/i.test(conferenceId)) return reply.callNotFound();
    return submitShowingValues(reply, exclusionDecisionForm, (data) => decideExclusion(db, request.actionContext(), request.params.id, data), {
      again: (refusal) => render(request, reply, conferenceId, 'exclusions', { errors: refusal.errors, decisionFor: request.params.id, decisionValues: refusal.values }),
      done: () => reply.redirect(`/conferences/${conferenceId}/exclusions?done=decided`),
    });
  });

  app.post<{ Params: { id: string } }>('/exclusions/:id/letter', { config: { access: mayDistributeConferenceDocuments } }, async (request, reply) => {
    const conferenceId = String((request.body as Record<string, unknown>)?.conferenceId ?? '');
    if (!/^[0-9a-f-]{36}$/i.test(conferenceId)) return reply.callNotFound();
    return runAction(reply, () => sendExclusionLetter(db, request.actionContext(), request.params.id), {
      again: (refusal) => render(request, reply, conferenceId, 'exclusions', { errors: refusal.errors, letterFor: request.params.id }),
      done: ({ method }) => reply.redirect(`/conferences/${conferenceId}/exclusions?done=letter-${method}`),
    });
  });

  app.get<{ Params: { id: string } }>('/exclusions/:id/letter.pdf', exclusions, async (request, reply) => {
    const { pdf, fileName } = await exclusionLetterPdf(db, request.actionContext(), request.params.id);
    return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(pdf);
  });
}
