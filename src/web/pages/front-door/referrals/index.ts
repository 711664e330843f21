import type { FastifyInstance, FastifyReply } from 'fastify';
import { REFERRAL_SOURCE_GROUPS } from '../../../../domain/front-door/referral-sources.js';
import { NEXT_STEP_LABELS, NEXT_STEPS, REFERRAL_CHANNEL_LABELS, REFERRAL_CHANNELS } from '../../../../domain/front-door/referral-rules.js';
import { decideReferral, loadReferralById } from '../../../../modules/front-door/decide-referral.js';
import { loadCase } from '../../../../modules/shared/load-records.js';
import { recordReferral } from '../../../../modules/front-door/record-referral.js';
import { recordReferralFollowUp } from '../../../../modules/front-door/record-referral-follow-up.js';
import { NotFoundError, type FieldError } from '../../../../modules/shared/errors.js';
import { mayRecordCaseWork } from '../../../../policies/children.js';
import { parseForm } from '../../../forms.js';
import { renderCaseFrontDoor } from '../case/render.js';
import { answerRefusal, auditReads, londonNowParts } from '../../../form-fields.js';
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

  async function episodeOr404(reply: FastifyReply, caseId: string) {
    try {
      return await loadCase(db, caseId);
    } catch (error) {
      if (error instanceof NotFoundError) {
        await reply.callNotFound();
        return null;
      }
      throw error;
    }
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/referral/new', access, async (request, reply) => {
    const episode = await episodeOr404(reply, request.params.caseId);
    if (!episode) return reply;
    await auditReads(request, [episode.child.id], 'case', episode.case.id);
    const now = londonNowParts(app.convene.clock());
    return reply.view('front-door/referrals/new.njk', {
      title: `Record the referral for ${episode.name}`, name: episode.name, caseId: episode.case.id, ...choices,
      values: { receivedDate: now.date, receivedTime: now.time }, backLink: { href: `/cases/${episode.case.id}/front-door` },
    });
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/referral/new', access, async (request, reply) => {
    const episode = await episodeOr404(reply, request.params.caseId);
    if (!episode) return reply;
    const back = `/cases/${episode.case.id}/front-door`;
    const again = async (errors: FieldError[]) => {
      reply.code(400);
      return reply.view('front-door/referrals/new.njk', {
        title: `Record the referral for ${episode.name}`, name: episode.name, caseId: episode.case.id, ...choices,
        errors, values: request.body, backLink: { href: back },
      });
    };
    const parsed = parseForm(referralForm, request.body);
    if (!parsed.ok) return again(parsed.errors);
    try {
      await recordReferral(db, request.actionContext(), episode.case.id, parsed.data);
    } catch (error) {
      return answerRefusal(error, reply, again, back);
    }
    return reply.redirect(`${back}?done=${encodeURIComponent('The referral has been recorded. Record the decision on next steps within one working day.')}`);
  });

  async function referralOr404(reply: FastifyReply, id: string) {
    try {
      const referral = await loadReferralById(db, id);
      return { referral, episode: await loadCase(db, referral.caseId) };
    } catch (error) {
      if (error instanceof NotFoundError) {
        await reply.callNotFound();
        return null;
      }
      throw error;
    }
  }

  app.get<{ Params: { id: string } }>('/referrals/:id/decision', access, async (request, reply) => {
    const found = await referralOr404(reply, request.params.id);
    if (!found) return reply;
    await auditReads(request, [found.episode.child.id], 'referral', found.referral.id);
    const now = londonNowParts(app.convene.clock());
    return reply.view('front-door/referrals/decision.njk', {
      title: `Decision on next steps for ${found.episode.name}`, name: found.episode.name, referral: found.referral, ...choices,
      values: { decidedDate: now.date, decidedTime: now.time }, backLink: { href: `/cases/${found.referral.caseId}/front-door` },
    });
  });

  app.post<{ Params: { id: string } }>('/referrals/:id/decision', access, async (request, reply) => {
    const found = await referralOr404(reply, request.params.id);
    if (!found) return reply;
    const back = `/cases/${found.referral.caseId}/front-door`;
    const again = async (errors: FieldError[]) => {
      reply.code(400);
      return reply.view('front-door/referrals/decision.njk', {
        title: `Decision on next steps for ${found.episode.name}`, name: found.episode.name, referral: found.referral, ...choices,
        errors, values: request.body, backLink: { href: back },
      });
    };
    const parsed = parseForm(decisionForm, request.body);
    if (!parsed.ok) return again(parsed.errors);
    try {
      await decideReferral(db, request.actionContext(), found.referral.id, parsed.data);
    } catch (error) {
      return answerRefusal(error, reply, again, back);
    }
    return reply.redirect(`${back}?done=${encodeURIComponent('The decision on next steps has been recorded.')}`);
  });

  app.post<{ Params: { id: string } }>('/referrals/:id/follow-up', access, async (request, reply) => {
    const found = await referralOr404(reply, request.params.id);
    if (!found) return reply;
    const back = `/cases/${found.referral.caseId}/front-door`;
    const again = (errors: FieldError[]) => renderCaseFrontDoor(request, reply, found.referral.caseId, { errors, values: request.body });
    const parsed = parseForm(followUpForm, request.body);
    if (!parsed.ok) return again(parsed.errors);
    try {
      await recordReferralFollowUp(db, request.actionContext(), found.referral.id, parsed.data);
    } catch (error) {
      return answerRefusal(error, reply, again, back);
    }
    return reply.redirect(`${back}?done=${encodeURIComponent('Recorded.')}`);
  });
}
