import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditChildRead } from '../../../modules/audit/child-access.js';
import { workingCalendar } from '../../../modules/calendar/calendar-store.js';
import { loadPlan, type LoadedPlan } from '../../../modules/plans/load-plan.js';
import { ForbiddenError, type FieldError } from '../../../modules/shared/errors.js';
import type { Actor } from '../../../policies/roles.js';
import { mayRecordIdentityNeeds } from '../../../policies/plans.js';
import { londonNow } from '../../../modules/work-queues/queue-for-role.js';
import type { z } from 'zod';
import { parseForm } from '../../forms.js';
import { answerRefusal } from '../../forms/run-action.js';

export type PlanParams = { Params: { id: string } };

/** Loads the plan for a page and audits the read of the child's record. */
export async function planForPage(app: FastifyInstance, request: FastifyRequest, id: string): Promise<LoadedPlan> {
  return loadPlan(app.convene.db, id, (core) =>
    auditChildRead(app.convene.db, request.actionContext(), core.plan.childId, { recordType: 'child-protection-plan', recordId: core.plan.id }));
}

/** The parts of a plan its keepers write (identity and family, the discharge-home plan): refused to anyone else. */
export function assertKeepsPlanParts(p: LoadedPlan, actor: Actor | null): void {
  if (!mayRecordIdentityNeeds(actor, { leadSocialWorkerId: p.plan.leadSocialWorkerId, teamManagerId: p.case.teamManagerId })) {
    throw new ForbiddenError('Only the lead social worker, the case’s team manager or a service manager keeps this part of the plan.');
  }
}

export async function pageClock(app: FastifyInstance) {
  return { calendar: await workingCalendar(app.convene.db), now: londonNow(app.convene.clock()), pack: app.convene.settings.pack };
}

/**
 * Shows a form again with its errors (400), or the refusal page (409/404); `submit` is a plan form's
 * whole post: parse, run the action, go on to `then`, or show the form again with what was typed.
 */
export function formReply(reply: FastifyReply, template: string, context: Record<string, unknown>, backHref: string) {
  const again = async (errors: FieldError[], values: unknown) => {
    reply.code(400);
    return reply.view(template, { ...context, errors, values, backLink: { href: backHref } });
  };
  const refused = (error: unknown, values: unknown) => answerRefusal(reply, error, { again: async ({ errors }) => again(errors, values), conflictPage: backHref });
  return {
    again,
    refused,
    submit: async <S extends z.ZodType>(schema: S, body: unknown, action: (data: z.infer<S>) => Promise<unknown>, then: string) => {
      const parsed = parseForm(schema, body);
      if (!parsed.ok) return again(parsed.errors, parsed.values);
      try {
        await action(parsed.data);
      } catch (error) {
        return refused(error, body);
      }
      return reply.redirect(then);
    },
  };
}
