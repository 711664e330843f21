import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../modules/shared/errors.js';
import { combineDateInputs } from './date-input.js';
import { isIdParam, isRouteId } from './route-ids.js';

/** The longest value any one field may carry: long text (a report section, a record) included. */
export const MAX_FIELD_LENGTH = 10_000;
/** The years a date in Convene can fall in: no child protection record is dated before 1900 or after 2100. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

const ISO_DATE_LIKE = /^\s*(\d{4,})-(\d{1,2})-(\d{1,2})\s*$/;

/** What is wrong with one submitted value, if anything: the checks every field gets, whatever its form. */
export function valueProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'This must not contain a NUL character';
  if (value.length > MAX_FIELD_LENGTH) return `This must be ${MAX_FIELD_LENGTH.toLocaleString('en-GB')} characters or fewer`;
  const date = ISO_DATE_LIKE.exec(value);
  if (date) {
    const year = Number(date[1]);
    if (year < EARLIEST_YEAR || year > LATEST_YEAR) return `Enter a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
  }
  return null;
}

/** Every problem in a parsed body or query, one per field, named by the field's path. */
export function inputProblems(input: unknown, path = ''): FieldError[] {
  if (typeof input === 'string') {
    const problem = valueProblem(input);
    return problem ? [{ field: path || 'form', message: problem }] : [];
  }
  if (Array.isArray(input)) return input.flatMap((v) => inputProblems(v, path));
  if (input && typeof input === 'object') {
    const errors: FieldError[] = [];
    for (const [key, v] of Object.entries(input as Record<string, unknown>)) {
      if (key.includes('\u0000') || key.length > 200) errors.push({ field: 'form', message: 'The form has a field name that is not allowed' });
      else errors.push(...inputProblems(v, path ? `${path}.${key}` : key));
    }
    return errors;
  }
  return [];
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

async function refuse(request: FastifyRequest, reply: FastifyReply, status: number, errors: FieldError[]) {
  reply.code(status);
  if (isApi(request)) return reply.send({ errors });
  return reply.view('errors/bad-request.njk', { title: 'That request could not be understood', errors });
}

/**
 * Bad input is refused before any route sees it (issue 19: 63 server errors from fuzzing, 39 GET
 * routes answering 500 to a bad id):
 * - a route id that is not a real UUID is a 404, for every route, signed in or not;
 * - a page form (anything outside /api/) must come as a web form: a JSON body, with numbers,
 *   arrays or objects where the templates expect text, is a 415;
 * - a NUL byte anywhere (PostgreSQL refuses it in text), a value over MAX_FIELD_LENGTH, or a
 *   date outside EARLIEST_YEAR–LATEST_YEAR is a 400 naming the field, before any database work.
 * Forms keep their own, finer limits; this is the floor every field gets.
 */
export function setUpInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const url = request.routeOptions.url ?? '';
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined || !isIdParam(name, url)) continue;
      if (!isRouteId(value)) return reply.callNotFound();
    }
    const contentType = String(request.headers['content-type'] ?? '');
    if (request.body !== undefined && !isApi(request) && /json/i.test(contentType)) {
      return refuse(request, reply, 415, [{ field: 'form', message: 'Send the form from its page' }]);
    }
    const errors = [...inputProblems(request.query), ...inputProblems(request.body)];
    if (errors.length > 0) return refuse(request, reply, 400, errors);
    // Dates typed as GOV.UK's day, month and year boxes become one YYYY-MM-DD field for the route,
    // in a posted form and in a filter sent as a query alike.
    if (!isApi(request)) {
      combineDateInputs(request.body, url);
      combineDateInputs(request.query, url);
    }
  });
}
