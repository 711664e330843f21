import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WORKER_CHANGE_DECISIONS } from '../../../domain/records/worker-change.js';
import { londonDateOf } from '../../../domain/calendar/london-time.js';
import { answerWorkerChangeRequest, recordWorkerChangeRequest, workerChangePageData } from '../../../modules/records/worker-change.js';
import { ForbiddenError } from '../../../modules/shared/errors.js';
import { mayAnswerWorkerChangeRequest, mayRecordWorkerChangeRequest } from '../../../policies/children.js';
import { hasRole, type Actor } from '../../../policies/roles.js';
import { dateField, requiredText } from '../../form-fields.js';
import { caseForm, showCaseForm, type ShownAgain } from './case-form.js';

const requestForm = z.object({
  requestedBy: requiredText('Say who in the family asked for the change', 200),
  requestedOn: dateField('Enter the date the family asked'),
  reasons: requiredText('Write the reasons the family gave', 5000),
});
const answerForm = z.object({
  decision: z.enum(['agreed', 'declined'], { error: 'Choose whether the change is agreed or declined' }),
  reasons: requiredText('Give the reasons for the answer: the family is told them either way', 5000),
  familyToldOn: dateField('Enter the date the family was told the answer'),
  newSocialWorkerId: z.string().optional().transform((v) => (v ? v : null)),
  version: z.coerce.number().int(),
});

type Params = { Params: { id: string } };
type AnswerParams = { Params: { id: string; changeRequestId: string } };
const uuid = /^[0-9a-f-]{36}$/i;
const caseStaff = { config: { access: (actor: Actor | null) => hasRole(actor, 'social-worker', 'team-manager', 'service-manager') } };
/**
 * Both forms show again what parsed after a refusal, and send a conflict (the request already
 * answered, or changed by someone else) back to the case.
 */
const answeredOnce = { showParsed: true, conflictToCase: true };
const managers = { config: { access: (actor: Actor | null) => hasRole(actor, 'team-manager', 'service-manager') } };

/** CO4: a family's request for a change of social worker, recorded and then answered on the case. */
export function workerChangePages(app: FastifyInstance): void {
  const { db } = app.convene;

  const load = (request: FastifyRequest<Params & { Params: { changeRequestId?: string } }>) => {
    const { id, changeRequestId } = request.params;
    if (!uuid.test(id) || (changeRequestId !== undefined && !uuid.test(changeRequestId))) return Promise.resolve(null);
    return workerChangePageData(db, request.actionContext(), id, changeRequestId ?? null);
  };

  async function requestPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: ShownAgain = {}) {
    const loaded = await load(request);
    if (!loaded) return reply.callNotFound();
    if (!mayRecordWorkerChangeRequest(request.actor, loaded.c)) throw new ForbiddenError('Only the case’s social worker or team manager, or a service manager, records a request for a change of worker.');
    const { name, c: caseRow, socialWorker } = loaded;
    const page = { title: `Request for a change of social worker: ${name}`, name, caseRow, socialWorker };
    return showCaseForm(reply, 'cases/worker-change-request.njk', page, extra, { requestedOn: londonDateOf(app.convene.clock()).toString() });
  }
  caseForm(app, '/cases/:id/worker-change', caseStaff, {
    schema: requestForm,
    act: (request, data) => recordWorkerChangeRequest(db, request.actionContext(), request.params.id, data),
    page: requestPage,
    done: 'worker-change-requested',
    ...answeredOnce,
  });

  async function answerPage(request: FastifyRequest<AnswerParams>, reply: FastifyReply, extra: ShownAgain = {}) {
    const loaded = await load(request);
    if (!loaded?.change) return reply.callNotFound();
    const change = loaded.change;
    if (!mayAnswerWorkerChangeRequest(request.actor, loaded.c.teamManagerId)) throw new ForbiddenError('Only the team manager for this child’s case, or a service manager, answers a request for a change of worker.');
    const workers = loaded.workers;
    const values = extra.values ?? { familyToldOn: londonDateOf(app.convene.clock()).toString() };
    return showCaseForm(reply, 'cases/worker-change-answer.njk', {
      title: `Answer the request for a change of social worker: ${loaded.name}`, name: loaded.name, caseRow: loaded.c, socialWorker: loaded.socialWorker, change,
      decisions: Object.entries(WORKER_CHANGE_DECISIONS).map(([value, text]) => ({ value, text })),
      workerItems: [{ value: '', text: 'Choose a social worker' }, ...workers.map((u) => ({ value: u.id, text: u.displayName, selected: u.id === values.newSocialWorkerId }))],
    }, extra, values);
  }
  caseForm(app, '/cases/:id/worker-change/:changeRequestId', managers, {
    schema: answerForm,
    act: (request, data) => answerWorkerChangeRequest(db, request.actionContext(), request.params.changeRequestId, data),
    page: answerPage,
    done: 'worker-change-answered',
    ...answeredOnce,
  });
}
