import { z } from 'zod';
import type { FieldError } from '../modules/shared/errors.js';
import { dateInputErrors, withDateInputErrors } from './input/date-input.js';

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[]; values: Record<string, unknown> };

/**
 * The one place a zod schema becomes field errors: the same list feeds the GOV.UK error
 * summary on a page and the `{ errors: [{ field, message }] }` body of the API.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): Parsed<z.infer<S>> {
  const values = (body && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {}) as Record<string, unknown>;
  delete values._csrf;
  const result = schema.safeParse(values);
  // A date typed as GOV.UK's three boxes is refused in that pattern's words (src/web/input/date-input.ts).
  const dated = dateInputErrors(body);
  if (result.success) return dated.length > 0 ? { ok: false, errors: dated, values } : { ok: true, data: result.data };
  const seen = new Set<string>();
  const errors: (FieldError & { href?: string })[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (seen.has(field)) continue; // one message per field, the first is the most basic
    seen.add(field);
    // A date in three boxes: the summary links to its first box.
    errors.push(`${field}-day` in values ? { field, message: issue.message, href: `#${field}-day` } : { field, message: issue.message });
  }
  return { ok: false, errors: withDateInputErrors(body, errors), values };
}

/** Checkbox groups arrive as a string for one tick and an array for several. */
export function asArray(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

export type ParsedRows<T> = { ok: true; rows: (T & { attendanceId: string })[] } | { ok: false; errors: FieldError[] };

/**
 * A table form sends each row's fields as `<field>-<row id>`, with the ids it shows as `rows`: one
 * schema checks each row, and each message names the row's own field (`fallbackField` for a message
 * about the row as a whole). `onePerField` keeps only the first message of a field, as parseForm does.
 */
export function parseRows<S extends z.ZodObject>(schema: S, body: unknown, fallbackField: string, { onePerField = false } = {}): ParsedRows<z.infer<S>> {
  const sent = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const ids = asArray(sent.rows).filter((id) => z.string().uuid().safeParse(id).success);
  const rows: (z.infer<S> & { attendanceId: string })[] = [];
  const errors: FieldError[] = [];
  for (const id of ids) {
    const parsed = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, sent[`${k}-${id}`]])));
    if (parsed.success) {
      rows.push({ ...parsed.data, attendanceId: id });
      continue;
    }
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = `${String(issue.path[0] ?? fallbackField)}-${id}`;
      if (!onePerField || !seen.has(field)) errors.push({ field, message: issue.message });
      seen.add(field);
    }
  }
  if (ids.length === 0) errors.push({ field: 'form', message: 'Reload the page and try again' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
