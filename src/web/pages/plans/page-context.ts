import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditChildRead } from '../../../modules/audit/child-access.js';
import { workingCalendar } from '../../../modules/calendar/calendar-store.js';
import { loadPlan, type LoadedPlan } from '../../../modules/plans/load-plan.js';
import type { FieldError } from '../../../modules/shared/errors.js';
import { londonNow } from '../../../modules/work-queues/queue-for-role.js';
import { answerRefusal } from '../../forms/run-action.js';

export type PlanParams = { Params: { id: string } };

/** Loads the plan for a page and audits the read of the child's record. */
export async function planForPage(app: FastifyInstance, request: FastifyRequest, id: string): Promise<LoadedPlan> {
  return loadPlan(app.convene.db, id, (core) =>
    auditChildRead(app.convene.db, request.actionContext(), core.plan.childId, { recordType: 'child-protection-plan', recordId: core.plan.id }));
}

export async function pageClock(app: FastifyInstance) {
  return { calendar: await workingCalendar(app.convene.db), now: londonNow(app.convene.clock()), pack: app.convene.settings.pack };
}

/** Shows a form again with its errors (400), or the refusal page (409/404). */
export function formReply(reply: FastifyReply, template: string, context: Record<string, unknown>, backHref: string) {
  return {
    again: async (errors: FieldError[], values: unknown) => {
      reply.code(400);
      return reply.view(template, { ...context, errors, values, backLink: { href: backHref } });
    },
    refused: (error: unknown, values: unknown) =>
      answerRefusal(reply, error, { again: async ({ errors }) => {
        reply.code(400);
        return reply.view(template, { ...context, errors, values, backLink: { href: backHref } });
      }, conflictPage: backHref }),
  };
}
