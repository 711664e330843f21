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

/**
 * Shows a case's form page: with a refusal's status, errors and what was typed (or, the first
 * time, `defaults`), and the way back to the case.
 */
export function showCaseForm(
  reply: FastifyReply,
  template: string,
  page: { title: string; name: string; caseRow: { id: string } } & Record<string, unknown>,
  shown: ShownAgain,
  defaults: Record<string, unknown>,
): unknown {
  if (shown.status) reply.code(shown.status);
  return reply.view(template, {
    ...page,
    errors: shown.errors,
    values: shown.values ?? defaults,
    backLink: { href: `/cases/${page.caseRow.id}`, text: `Back to ${page.name}` },
  });
}

/** A page on a case, shown first with nothing typed and again after a refusal. */
export type CaseFormPage<R extends FastifyRequest> = (request: R, reply: FastifyReply, shown?: ShownAgain) => Promise<unknown>;

/** A form on a case at one URL: GET shows its page, POST runs it as `postToCase` does. */
export function caseForm<P extends { id: string }, S extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  options: RouteShorthandOptions,
  form: CaseFormPost<P, S>,
): void {
  app.get<{ Params: P }>(url, options, async (request, reply) => form.page(request, reply));
  postToCase(app, url, options, form);
}

/** What a form on a case posts to: the schema, the action, its page and the notice it leaves. */
export interface CaseFormPost<P extends { id: string }, S extends z.ZodType> {
  schema: S;
  act: (request: FastifyRequest<{ Params: P }>, data: z.infer<S>) => Promise<unknown>;
  page: CaseFormPage<FastifyRequest<{ Params: P }>>;
  done: string;
  /** After the action's refusal, show again what parsed (trimmed, defaults filled) rather than what was sent. */
  showParsed?: boolean;
  /** A conflict (someone answered first) goes to the conflict page, with the way back to the case. */
  conflictToCase?: boolean;
}

/**
 * The post of a form on a case, the same for every one of them: the action run with what parsed,
 * then back to the case page with `done` as its notice; refused, the form's page shown again with
 * what was typed.
 */
export function postToCase<P extends { id: string }, S extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  options: RouteShorthandOptions,
  form: CaseFormPost<P, S>,
): void {
  app.post<{ Params: P }>(url, options, async (request, reply) => {
    // Fastify cannot resolve its params type for a generic P; every case route has :id.
    const back = `/cases/${(request.params as P).id}`;
    return submitShowingValues(reply, form.schema, (data) => form.act(request, data), {
      // Every schema here is a z.object, so what parsed is a record of the form's fields.
      ...(form.showParsed ? { valuesOnRefusal: (data: z.infer<S>) => data as Record<string, unknown> } : {}),
      again: (shown) => form.page(request, reply, shown),
      ...(form.conflictToCase ? { conflictPage: back } : {}),
      done: () => reply.redirect(`${back}?done=${form.done}`),
    });
  });
}
