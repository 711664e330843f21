import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import type { FieldError } from '../../../modules/shared/errors.js';
import { submitShowingValues } from '../../forms/run-action.js';

/** What a case's form page shows again after a refusal: the errors, what was typed, and the status. */
export interface ShownAgain {
  errors?: FieldError[];
  values?: Record<string, unknown>;
  status?: number;
}

/** A page on a case, shown first with nothing typed and again after a refusal. */
export type CaseFormPage<R extends FastifyRequest> = (request: R, reply: FastifyReply, shown?: ShownAgain) => Promise<unknown>;

/**
 * The post of a form on a case, the same for every one of them: the action run with what parsed,
 * then back to the case page with `done` as its notice; refused, the form's page shown again with
 * what was typed. `conflictToCase` sends a conflict (someone answered first) to the conflict page
 * with the way back to the case; `valuesOnRefusal` shows again what parsed rather than what was sent.
 */
export function postToCase<P extends { id: string }, S extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  options: RouteShorthandOptions,
  form: {
    schema: S;
    act: (request: FastifyRequest<{ Params: P }>, data: z.infer<S>) => Promise<unknown>;
    page: CaseFormPage<FastifyRequest<{ Params: P }>>;
    done: string;
    valuesOnRefusal?: (data: z.infer<S>) => Record<string, unknown>;
    conflictToCase?: boolean;
  },
): void {
  app.post<{ Params: P }>(url, options, async (request, reply) => {
    // Fastify cannot resolve its params type for a generic P; every case route has :id.
    const back = `/cases/${(request.params as P).id}`;
    return submitShowingValues(reply, form.schema, (data) => form.act(request, data), {
      ...(form.valuesOnRefusal ? { valuesOnRefusal: form.valuesOnRefusal } : {}),
      again: (shown) => form.page(request, reply, shown),
      ...(form.conflictToCase ? { conflictPage: back } : {}),
      done: () => reply.redirect(`${back}?done=${form.done}`),
    });
  });
}
