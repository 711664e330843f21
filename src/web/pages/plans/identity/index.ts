import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FAMILY_GROUP_CONFERENCE_ANSWERS } from '../../../../domain/plans/identity-needs.js';
import { saveIdentityNeeds } from '../../../../modules/plans/save-identity-needs.js';
import { mayKeepPlan } from '../../../../policies/plans.js';
import { optionalText } from '../../../form-fields.js';
import { assertKeepsPlanParts, formReply, planForPage, type PlanParams } from '../page-context.js';

const identityForm = z.object({
  culture: optionalText(5000),
  language: optionalText(2000),
  religion: optionalText(2000),
  shortfalls: optionalText(5000),
  birthFamilyContact: optionalText(5000),
  familyGroupConference: z.string().optional().transform((v) => (v ? v : null))
    .refine((v) => v === null || v in FAMILY_GROUP_CONFERENCE_ANSWERS, 'Choose whether a family group conference was referred or not'),
  familyGroupConferenceReasons: optionalText(5000),
  version: z.coerce.number().int().min(0),
});

const title = 'The child’s identity and family in the plan';
const keep = { config: { access: mayKeepPlan } };
const fgcOptions = Object.entries(FAMILY_GROUP_CONFERENCE_ANSWERS).map(([value, text]) => ({ value, text }));

/** PL4: the plan's answers on culture, language, faith, birth-family contact and a family group conference. */
export default function identityNeedsPages(app: FastifyInstance): void {
  const { db } = app.convene;
  app.get<PlanParams>('/plans/:id/identity', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    assertKeepsPlanParts(p, request.actor);
    const n = p.identityNeeds;
    return reply.view('plans/identity/form.njk', {
      title, p, fgcOptions, version: n?.version ?? 0,
      values: n ? { ...n, familyGroupConference: n.familyGroupConference ?? '' } : {},
      backLink: { href: `/plans/${p.plan.id}` },
    });
  });
  app.post<PlanParams>('/plans/:id/identity', keep, async (request, reply) => {
    const p = await planForPage(app, request, request.params.id);
    assertKeepsPlanParts(p, request.actor);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = formReply(reply, 'plans/identity/form.njk', { title, p, fgcOptions, version: body.version ?? p.identityNeeds?.version ?? 0 }, `/plans/${p.plan.id}`);
    return form.submit(identityForm, body, (data) => saveIdentityNeeds(db, request.actionContext(), p.plan.id, data), `/plans/${p.plan.id}`);
  });
}
