import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { londonDateOf } from '../../../domain/calendar/london-time.js';
import { cinPlansOf, endCinPlan, startCinPlan } from '../../../modules/records/child-in-need-plan.js';
import { loadCaseToChange } from '../../../modules/records/load-case-to-change.js';
import { mayRecordCaseWork } from '../../../policies/children.js';
import { caseDate } from './case-date.js';
import { postToCase, showCaseForm, type ShownAgain } from './case-form.js';

const startForm = z.object({ startDate: caseDate('Enter the date the child in need plan started') });
const endForm = z.object({ endDate: caseDate('Enter the date the child in need plan ended'), version: z.coerce.number().int() });

type Params = { Params: { id: string } };
const access = { config: { access: mayRecordCaseWork } };

/**
 * The child in need plan of a case (census CINPlanStartDate and CINPlanEndDate), started and ended
 * by the practitioner as the work happens; a conference's step-down or step-up records it too.
 */
export function cinPlanPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function page(request: FastifyRequest<Params>, reply: FastifyReply, extra: ShownAgain = {}) {
    const loaded = await loadCaseToChange(db, request.actionContext(), request.params.id);
    if (!loaded) return reply.callNotFound();
    const { caseRow, name } = loaded;
    const plans = await cinPlansOf(db, caseRow.id);
    const running = plans.find((p) => p.endDate === null) ?? null;
    const today = londonDateOf(app.convene.clock()).toString();
    const defaults = running ? { endDate: today, version: running.version } : { startDate: today };
    return showCaseForm(reply, 'cases/cin-plan.njk', { title: `Child in need plan: ${name}`, name, caseRow, plans, running }, extra, defaults);
  }

  app.get<Params>('/cases/:id/cin-plan', access, async (request, reply) => page(request, reply));
  postToCase(app, '/cases/:id/cin-plan/start', access, {
    schema: startForm,
    act: (request, data) => startCinPlan(db, request.actionContext(), request.params.id, data),
    page,
    done: 'cin-plan-started',
  });
  postToCase(app, '/cases/:id/cin-plan/end', access, {
    schema: endForm,
    act: (request, data) => endCinPlan(db, request.actionContext(), request.params.id, data),
    page,
    done: 'cin-plan-ended',
  });
}
