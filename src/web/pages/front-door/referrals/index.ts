import type { FastifyInstance } from 'fastify';
import { REFERRAL_SOURCE_GROUPS } from '../../../../domain/front-door/referral-sources.js';
import { NEXT_STEP_LABELS, NEXT_STEPS, REFERRAL_CHANNEL_LABELS, REFERRAL_CHANNELS } from '../../../../domain/front-door/referral-rules.js';
import { decideReferral, loadReferralById } from '../../../../modules/front-door/decide-referral.js';
import { loadCase } from '../../../../modules/shared/load-records.js';
import { recordReferral } from '../../../../modules/front-door/record-referral.js';
import { recordReferralFollowUp } from '../../../../modules/front-door/record-referral-follow-up.js';
import { type FieldError } from '../../../../modules/shared/errors.js';
import { mayRecordCaseWork } from '../../../../policies/children.js';
import { renderCaseFrontDoor } from '../case/render.js';
import { auditReads, londonNowParts } from '../../../form-fields.js';
import { submitForm } from '../../../forms/run-action.js';
import { decisionForm, followUpForm, referralForm } from './form.js';

const access = { config: { access: mayRecordCaseWork } };

const choices = {
  sourceGroups: REFERRAL_SOURCE_GROUPS,
  channels: REFERRAL_CHANNELS.map((c) => ({ value: c, text: REFERRAL_CHANNEL_LABELS[c] })),
  nextSteps: NEXT_STEPS.map((s) => ({ value: s, text: NEXT_STEP_LABELS[s] })),
};

/** FD1: recording a referral, the decision on next steps, and its acknowledgement or written confirmation. */
export default function referralPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/referral/new', access, async (request, reply) => {
    const episode = await loadCase(db, request.params.caseId);
    await auditReads(request, [episode.child.id], 'case', episode.case.id);
    const now = londonNowParts(app.convene.clock());
    return reply.view('front-door/referrals/new.njk', {
      title: `Record the referral for ${episode.name}`, name: episode.name, caseId: episode.case.id, ...choices,
      values: { receivedDate: now.date, receivedTime: now.time }, backLink: { href: `/cases/${episode.case.id}/front-door` },
    });
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/referral/new', access, async (request, reply) => {
    const episode = await loadCase(db, request.params.caseId);
    const back = `/cases/${episode.case.id}/front-door`;
    const again = async (errors: FieldError[]) => {
      reply.code(400);
      return reply.view('front-door/referrals/new.njk', {
        title: `Record the referral for ${episode.name}`, name: episode.name, caseId: episode.case.id, ...choices,
        errors, values: request.body, backLink: { href: back },
      });
    };
    return submitForm(reply, referralForm, request.body, (data) => recordReferral(db, request.actionContext(), episode.case.id, data), { again, conflictPage: back, done: () => reply.redirect(`${back}?done=${encodeURIComponent('The referral has been recorded. Record the decision on next steps within one working day.')}`) });
  });

  /** A referral and its case; one that does not exist is a 404 from the error pages. */
  async function loadReferral(id: string) {
    const referral = await loadReferralById(db, id);
    return { referral, episode: await loadCase(db, referral.caseId) };
  }

  app.get<{ Params: { id: string } }>('/referrals/:id/decision', access, async (request, reply) => {
    const found = await loadReferral(request.params.id);
    await auditReads(request, [found.episode.child.id], 'referral', found.referral.id);
    const now = londonNowParts(app.convene.clock());
    return reply.view('front-door/referrals/decision.njk', {
      title: `Decision on next steps for ${found.episode.name}`, name: found.episode.name, referral: found.referral, ...choices,
      values: { decidedDate: now.date, decidedTime: now.time }, backLink: { href: `/cases/${found.referral.caseId}/front-door` },
    });
  });

  app.post<{ Params: { id: string } }>('/referrals/:id/decision', access, async (request, reply) => {
    const found = await loadReferral(request.params.id);
    const back = `/cases/${found.referral.caseId}/front-door`;
    const again = async (errors: FieldError[]) => {
      reply.code(400);
      return reply.view('front-door/referrals/decision.njk', {
        title: `Decision on next steps for ${found.episode.name}`, name: found.episode.name, referral: found.referral, ...choices,
        errors, values: request.body, backLink: { href: back },
      });
    };
    return submitForm(reply, decisionForm, request.body, (data) => decideReferral(db, request.actionContext(), found.referral.id, data), { again, conflictPage: back, done: () => reply.redirect(`${back}?done=${encodeURIComponent('The decision on next steps has been recorded.')}`) });
  });

  app.post<{ Params: { id: string } }>('/referrals/:id/follow-up', access, async (request, reply) => {
    const found = await loadReferral(request.params.id);
    const back = `/cases/${found.referral.caseId}/front-door`;
    const again = (errors: FieldError[]) => renderCaseFrontDoor(request, reply, found.referral.caseId, { errors, values: request.body });
    return submitForm(reply, followUpForm, request.body, (data) => recordReferralFollowUp(db, request.actionContext(), found.referral.id, data), { again, conflictPage: back, done: () => reply.redirect(`${back}?done=${encodeURIComponent('Recorded.')}`) });
  });
}
