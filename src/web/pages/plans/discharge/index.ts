import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { saveDischargeHomePlan } from '../../../../modules/plans/save-discharge-home-plan.js';
import { mayKeepPlan } from '../../../../policies/plans.js';
import { optionalText } from '../../../form-fields.js';
import { assertKeepsPlanParts, formReply, planForPage, type PlanParams } from '../page-context.js';

const dischargeForm = z.object({
  dischargeHomePlan: optionalText(5000),
  version: z.coerce.number().int().min(1),
});

const title = 'How the baby goes home';
const keep = { config: { access: mayKeepPlan } };

/** UB2: the discharge-home plan of a plan made before the birth. */
export default function dischargeHomePages(app: FastifyInstance): void {
  const { db } = app.convene;
  app.get<PlanParams>('/plans/:id/discharge-home', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    assertKeepsPlanParts(p, request.actor);
    return reply.view('plans/discharge/form.njk', { title, p, version: p.plan.version, values: { dischargeHomePlan: p.plan.dischargeHomePlan ?? '' }, backLink: { href: `/plans/${p.plan.id}` } });
  });
  app.post<PlanParams>('/plans/:id/discharge-home', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    assertKeepsPlanParts(p, request.actor);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = formReply(reply, 'plans/discharge/form.njk', { title, p, version: body.version ?? p.plan.version }, `/plans/${p.plan.id}`);
    return form.submit(dischargeForm, body, (data) => saveDischargeHomePlan(db, request.actionContext(), p.plan.id, data), `/plans/${p.plan.id}`);
  });
}
