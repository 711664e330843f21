import type { FastifyInstance } from 'fastify';
import { authoriseAssessment } from '../../../../modules/front-door/authorise-assessment.js';
import { completeAssessment, loadAssessment } from '../../../../modules/front-door/complete-assessment.js';
import { loadCase } from '../../../../modules/shared/load-records.js';
import { startAssessment } from '../../../../modules/front-door/start-assessment.js';
import { type FieldError } from '../../../../modules/shared/errors.js';
import { mayAuthoriseCaseDecisions, mayRecordCaseWork } from '../../../../policies/children.js';
import { renderCaseFrontDoor } from '../case/render.js';
import { auditReads, londonNowParts } from '../../../form-fields.js';
import { answerRefusal, submitForm } from '../../../forms/run-action.js';
import { completeForm, startForm } from './form.js';

const done = (caseId: string, message: string) => `/cases/${caseId}/front-door?done=${encodeURIComponent(message)}`;

/** FD2: the initial assessment, due 10 working days after the referral, complete once a team manager authorises it. */
export default function assessmentPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/assessments', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const { caseId } = request.params;
    const again = (errors: FieldError[]) => renderCaseFrontDoor(request, reply, caseId, { errors, values: request.body });
    return submitForm(reply, startForm, request.body, (data) => startAssessment(db, request.actionContext(), caseId, data), { again, conflictPage: `/cases/${caseId}/front-door`, done: () => reply.redirect(done(caseId, 'The initial assessment has started.')) });
  });

  /** An assessment and its case; one that does not exist is a 404 from the error pages. */
  async function loadAssessmentAndCase(id: string) {
    const assessment = await loadAssessment(db, id);
    return { assessment, episode: await loadCase(db, assessment.caseId) };
  }

  app.get<{ Params: { id: string } }>('/assessments/:id/complete', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const found = await loadAssessmentAndCase(request.params.id);
    await auditReads(request, [found.episode.child.id], 'assessment', found.assessment.id);
    return reply.view('front-door/assessments/complete.njk', {
      title: `Complete the initial assessment of ${found.episode.name}`, name: found.episode.name, assessment: found.assessment,
      values: { completedOn: londonNowParts(app.convene.clock()).date }, backLink: { href: `/cases/${found.assessment.caseId}/front-door` },
    });
  });

  app.post<{ Params: { id: string } }>('/assessments/:id/complete', { config: { access: mayRecordCaseWork } }, async (request, reply) => {
    const found = await loadAssessmentAndCase(request.params.id);
    const back = `/cases/${found.assessment.caseId}/front-door`;
    const again = async (errors: FieldError[]) => {
      reply.code(400);
      return reply.view('front-door/assessments/complete.njk', {
        title: `Complete the initial assessment of ${found.episode.name}`, name: found.episode.name, assessment: found.assessment,
        errors, values: request.body, backLink: { href: back },
      });
    };
    return submitForm(reply, completeForm, request.body, (data) => completeAssessment(db, request.actionContext(), found.assessment.id, data), { again, conflictPage: back, done: () => reply.redirect(done(found.assessment.caseId, 'The assessment is recorded as complete. A team manager now authorises it.')) });
  });

  app.post<{ Params: { id: string } }>('/assessments/:id/authorise', { config: { access: mayAuthoriseCaseDecisions } }, async (request, reply) => {
    const found = await loadAssessmentAndCase(request.params.id);
    const back = `/cases/${found.assessment.caseId}/front-door`;
    try {
      await authoriseAssessment(db, request.actionContext(), found.assessment.id);
    } catch (error) {
      return answerRefusal(reply, error, { again: async () => reply.redirect(back), conflictPage: back });
    }
    return reply.redirect(done(found.assessment.caseId, 'The initial assessment has been authorised.'));
  });
}
