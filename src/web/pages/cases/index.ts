import type { FastifyInstance } from 'fastify';
import { loadCaseView } from '../../../modules/records/case-view.js';
import { mayAuthoriseCaseDecisions, mayViewChildRecords } from '../../../policies/children.js';
import { ETHNICITY_CODES, PRIMARY_NEED_LABELS, SEX_LABELS } from '../../../domain/records/census-codes.js';
import { caseChangePages } from './case-changes.js';
import { cinPlanPages } from './cin-plan.js';
import { mayRecordCaseWork } from '../../../policies/children.js';
import { workerChangePages } from './worker-change.js';
import { EMERGENCY_STATUS_LABELS } from '../../../domain/transfers/other-authority-children.js';
import { formatDate } from '../../../domain/deadlines/index.js';
import { londonDateOf } from '../../../domain/calendar/london-time.js';
import { mayHandleTransfers } from '../../../policies/escalation.js';
import { mayAnswerWorkerChangeRequest, mayRecordWorkerChangeRequest } from '../../../policies/children.js';

export default function casePage(app: FastifyInstance): void {
  caseChangePages(app);
  cinPlanPages(app);
  workerChangePages(app);
  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/cases/:id', { config: { access: mayViewChildRecords } }, async (request, reply) => {
    if (!/^[0-9a-f-]{36}$/i.test(request.params.id)) return reply.callNotFound();
    const view = await loadCaseView(app.convene.db, request.actionContext(), request.params.id, app.convene.settings.pack);
    const name = `${view.child.givenNames} ${view.child.familyName}`.trim() || `Unborn ${view.child.familyName}`;
    // CO4: the family's requests for a change of social worker, and who may record or answer them;
    // TR3: emergency action for a child on another authority's plan (the duty stays here until it
    // has passed). Read with the case's other lists, the read audited.
    const { workerChanges } = view;
    const emergencies = view.emergencies.map((e) => ({
      id: e.id, status: e.status, statusLabel: EMERGENCY_STATUS_LABELS[e.status],
      text: e.status === 'passed'
        ? `Emergency action on ${formatDate(e.foundOn)}: responsibility passed to ${e.responsibleAuthority} on ${formatDate(londonDateOf(e.passedAt!).toString())}, after they accepted it in writing.`
        : e.status === 'kept'
          ? `Emergency action on ${formatDate(e.foundOn)}: ${e.responsibleAuthority} did not accept responsibility, so it stays with us.`
          : `Emergency action on ${formatDate(e.foundOn)}: ${e.responsibleAuthority} was consulted. Responsibility stays with us until they explicitly accept it and confirm that in writing.`,
    }));
    const notices: Record<string, string> = {
      reallocated: 'The case is reallocated.', closed: 'The case is closed.',
      'worker-change-requested': 'The request for a change of social worker is recorded. It is on the team manager’s list until they answer it.',
      'worker-change-answered': 'The answer to the request for a change of social worker is recorded.',
      'cin-plan-started': 'The start of the child in need plan is recorded.', 'cin-plan-ended': 'The end of the child in need plan is recorded.',
    };
    return reply.view('cases/page.njk', {
      title: name, name, view, cinPlan: view.cinPlans.at(-1) ?? null, canRecordCinPlan: mayRecordCaseWork(request.actor), canManage: mayAuthoriseCaseDecisions(request.actor), workerChanges, emergencies, mayOpenEmergency: mayHandleTransfers(request.actor),
      canRecordWorkerChange: !view.case.closedOn && mayRecordWorkerChangeRequest(request.actor, view.case),
      canAnswerWorkerChange: mayAnswerWorkerChangeRequest(request.actor, view.case.teamManagerId),
      notice: notices[request.query.done ?? ''] ?? null, ethnicity: ETHNICITY_CODES[view.child.ethnicity ?? ''] ?? null,
      // Codes in words: the census codes stay in the record and the returns, never on the page.
      sex: SEX_LABELS[view.child.sex ?? ''] ?? null, primaryNeed: PRIMARY_NEED_LABELS[view.case.primaryNeedCode ?? ''] ?? null, backLink: { href: '/people/search', text: 'Back to search' } });
  });
}
