import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { StaleRecordError, StaleRowsError } from '../../modules/meeting/stale.js';
import { ConflictError, ValidationError, type FieldError } from '../../modules/shared/errors.js';
import { parseForm, type ParsedRows } from '../forms.js';
import { typedValues } from '../typed-values.js';

/** A refused action, as the form that sent it shows it again (issue 14: nothing typed is lost). */
export interface Refusal {
  /** 400 for something to correct in the form, 409 when the record's state or someone else's save refused it. */
  status: 400 | 409;
  /** For the error summary: the field messages, or the conflict's message as one entry. */
  errors: (FieldError & { href?: string })[];
  /** The conflict's message alone, for pages that show it in a banner above the form instead. */
  conflict: string | null;
  /** The conflict is someone else's save since the form was opened (not a step the record's state refuses). */
  stale: boolean;
  /** Everything the person sent, to fill the form again; after someone else's save, with the version now stored. */
  values: Record<string, unknown>;
  /** The refusal itself, for a page that answers one kind of it in its own way. */
  error: ValidationError | ConflictError;
}

export interface RefusalAnswers {
  /** The same form again, showing the refusal; the status is already set. */
  again: (refusal: Refusal) => unknown;
  /** What to show again when it is not the form as sent (a search's query, a form built from part of the body). */
  values?: Record<string, unknown>;
  /** The field a conflict's message belongs to, so the summary links to it; otherwise it concerns the whole form. */
  conflictField?: string;
  /**
   * For a form a conflict leaves nothing to correct in (someone decided first): the conflict page,
   * with this way back and the words typed, instead of the form again.
   */
  conflictPage?: string;
}

export interface ActionAnswers<T> extends RefusalAnswers {
  /** What follows once the action has been done, usually a redirect. */
  done: (value: T) => unknown;
}

function sentValues(body: unknown): Record<string, unknown> {
  const values = body && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {};
  delete values._csrf;
  return values;
}

/**
 * Answers a refused action: field errors (400) and conflicts (409) bring the form back with what
 * was typed; anything else (403, 404, a fault) is rethrown for setup/error-pages.ts to answer.
 */
export async function answerRefusal(reply: FastifyReply, error: unknown, answers: RefusalAnswers): Promise<unknown> {
  if (error instanceof ValidationError) {
    reply.code(400);
    return answers.again({ status: 400, errors: error.errors, conflict: null, stale: false, values: answers.values ?? sentValues(reply.request.body), error });
  }
  if (error instanceof ConflictError) {
    reply.code(409);
    if (answers.conflictPage !== undefined) {
      return reply.view('errors/conflict.njk', { title: 'That could not be done', message: error.message, backLink: { href: answers.conflictPage }, typed: typedValues(reply.request.body) });
    }
    const values = answers.values ?? sentValues(reply.request.body);
    // Saving again should go over the version now stored, once the person has seen what changed.
    const current = error instanceof StaleRecordError ? error.currentVersion : null;
    // A conflict about no one field links from the summary to the page's content.
    const errors = [answers.conflictField ? { field: answers.conflictField, message: error.message } : { field: 'form', message: error.message, href: '#main-content' }];
    return answers.again({ status: 409, errors, conflict: error.message, stale: error instanceof StaleRecordError, values: current === null ? values : { ...values, version: String(current) }, error });
  }
  throw error;
}

/**
 * For a button with no form to bring back (activate, cancel, abandon): a refusal the action was not
 * expected to give is shown on the bad-request page with the way back, never left unanswered.
 */
export function refusalPage(reply: FastifyReply, back: string): (refusal: Refusal) => unknown {
  return (refusal) => reply.view('errors/bad-request.njk', { title: 'That could not be done', errors: refusal.errors, backLink: { href: back } });
}

/** Runs a page's action and answers with `done`, or with the form again if the action refused. */
export async function runAction<T>(reply: FastifyReply, action: () => Promise<T>, answers: ActionAnswers<T>): Promise<unknown> {
  let value: T;
  try {
    value = await action();
  } catch (error) {
    return answerRefusal(reply, error, answers);
  }
  return answers.done(value);
}

/**
 * A form's whole post: the body parsed by the schema, the action run with what parsed, then `done`;
 * a form error, or the action's refusal, shows the form again through `again` with its errors.
 */
export async function submitForm<S extends z.ZodType, T>(
  reply: FastifyReply,
  schema: S,
  body: unknown,
  action: (data: z.infer<S>) => Promise<T>,
  answers: { again: (errors: FieldError[]) => unknown; conflictPage?: string; done: (value: T) => unknown },
): Promise<unknown> {
  const parsed = parseForm(schema, body);
  if (!parsed.ok) return answers.again(parsed.errors);
  return runAction(reply, () => action(parsed.data), {
    again: ({ errors }) => answers.again(errors),
    ...(answers.conflictPage === undefined ? {} : { conflictPage: answers.conflictPage }),
    done: answers.done,
  });
}

/**
 * A form's whole post, for a page that shows itself again with what was typed: the body parsed by
 * the schema, the action run with what parsed, then `done`. A form error (400) and the action's
 * refusal (400 or 409) both come to `again` as a refusal, with the status already set.
 */
export async function submitShowingValues<S extends z.ZodType, T>(
  reply: FastifyReply,
  schema: S,
  action: (data: z.infer<S>) => Promise<T>,
  answers: ActionAnswers<T> & {
    /** What to show again after the action's refusal when not the form as sent: made from what parsed. */
    valuesOnRefusal?: (data: z.infer<S>) => Record<string, unknown>;
  },
): Promise<unknown> {
  const parsed = parseForm(schema, reply.request.body);
  if (!parsed.ok) {
    reply.code(400);
    return answers.again({ status: 400, errors: parsed.errors, conflict: null, stale: false, values: parsed.values, error: new ValidationError(parsed.errors) });
  }
  const { valuesOnRefusal, ...rest } = answers;
  return runAction(reply, () => action(parsed.data), valuesOnRefusal ? { ...rest, values: valuesOnRefusal(parsed.data) } : rest);
}

/**
 * A table form's refusal (one row per attendee or child, each field sent as `<field>-<row id>`):
 * rows someone else saved since the form was opened carry their message on the row's `field`, and
 * the versions now stored, so saving again goes over them; any other refusal as it is.
 */
export function tableRefusal(refusal: Refusal, field: string): { errors: FieldError[]; staleVersions?: Map<string, number | null> } {
  if (!(refusal.error instanceof StaleRowsError)) return { errors: refusal.errors };
  const stale = refusal.error;
  return {
    errors: [...stale.rows.map((r) => ({ field: `${field}-${r.id}`, message: r.message })), ...stale.errors],
    staleVersions: new Map(stale.rows.map((r) => [r.id, r.currentVersion])),
  };
}

/**
 * A table form's whole post: rows that did not parse (400), or the action's refusal through
 * tableRefusal, show the table again through `again`; otherwise `done`.
 */
export async function submitRows<R, T>(
  reply: FastifyReply,
  parsed: ParsedRows<R>,
  action: (rows: (R & { attendanceId: string })[]) => Promise<T>,
  answers: { field: string; again: (shown: ReturnType<typeof tableRefusal>) => unknown; done: (value: T) => unknown },
): Promise<unknown> {
  if (!parsed.ok) {
    reply.code(400);
    return answers.again({ errors: parsed.errors });
  }
  const rows = parsed.rows;
  return runAction(reply, () => action(rows), { again: (refusal) => answers.again(tableRefusal(refusal, answers.field)), done: answers.done });
}
