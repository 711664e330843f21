import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { LoadedPlan } from '../../../../modules/plans/load-plan.js';
import { saveDischargeHomePlan } from '../../../../modules/plans/save-discharge-home-plan.js';
import { ForbiddenError } from '../../../../modules/shared/errors.js';
import { mayKeepPlan, mayRecordIdentityNeeds } from '../../../../policies/plans.js';
import { optionalText } from '../../../form-fields.js';
import { parseForm } from '../../../forms.js';
import { formReply, planForPage, type PlanParams } from '../page-context.js';

const dischargeForm = z.object({
  dischargeHomePlan: optionalText(5000),
  version: z.coerce.number().int().min(1),
});

const title = 'How the baby goes home';
const keep = { config: { access: mayKeepPlan } };

function guard(p: LoadedPlan, actor: Parameters<typeof mayKeepPlan>[0]) {
  if (!mayRecordIdentityNeeds(actor, { leadSocialWorkerId: p.plan.leadSocialWorkerId, teamManagerId: p.case.teamManagerId })) {
    throw new ForbiddenError('Only the lead social worker, the case’s team manager or a service manager keeps this part of the plan.');
  }
}

/** UB2: the discharge-home plan of a plan made before the birth. */
export default function dischargeHomePages(app: FastifyInstance): void {
  const { db } = app.convene;
  app.get<PlanParams>('/plans/:id/discharge-home', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    guard(p, request.actor);
    return reply.view('plans/discharge/form.njk', { title, p, version: p.plan.version, values: { dischargeHomePlan: p.plan.dischargeHomePlan ?? '' }, backLink: { href: `/plans/${p.plan.id}` } });
  });
  app.post<PlanParams>('/plans/:id/discharge-home', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    guard(p, request.actor);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = formReply(reply, 'plans/discharge/form.njk', { title, p, version: body.version ?? p.plan.version }, `/plans/${p.plan.id}`);
    const parsed = parseForm(dischargeForm, request.body);
    if (!parsed.ok) return form.again(parsed.errors, parsed.values);
    try {
      await saveDischargeHomePlan(db, request.actionContext(), p.plan.id, parsed.data);
    } catch (error) {
      return form.refused(error, body);
    }
    return reply.redirect(`/plans/${p.plan.id}`);
  });
}
