import type { FastifyReply } from 'fastify';
import { ConflictError, ValidationError } from '../../modules/shared/errors.js';

/** One error as the API answers it: the field it concerns (a dotted path into the body), or null for the whole request. */
export interface ApiError {
  field: string | null;
  message: string;
}

/**
 * The JSON twin of answerRefusal: a machine caller gets each field's message (400) or the state
 * that refused the step (409) as JSON. Anything else (403, 404, a fault) is rethrown for
 * setup/error-pages.ts, which answers it as JSON for every /api/ route.
 */
export function answerApiRefusal(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof ValidationError) {
    // Only field and message: a module's error may carry more than a caller should be shown.
    return reply.code(400).send({ errors: error.errors.map((e): ApiError => ({ field: e.field, message: e.message })) });
  }
  if (error instanceof ConflictError) {
    return reply.code(409).send({ errors: [{ field: null, message: error.message } satisfies ApiError] });
  }
  throw error;
}

/** Runs an API action and answers with `done`, or with the refusal as JSON. */
export async function runApiAction<T>(reply: FastifyReply, action: () => Promise<T>, done: (value: T) => unknown): Promise<unknown> {
  let value: T;
  try {
    value = await action();
  } catch (error) {
    return answerApiRefusal(reply, error);
  }
  return done(value);
}
