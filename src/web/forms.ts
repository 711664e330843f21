import type { z } from 'zod';
import type { FieldError } from '../modules/shared/errors.js';

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[]; values: Record<string, unknown> };

/**
 * The one place a zod schema becomes field errors: the same list feeds the GOV.UK error
 * summary on a page and the `{ errors: [{ field, message }] }` body of the API.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): Parsed<z.infer<S>> {
  const values = (body && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {}) as Record<string, unknown>;
  delete values._csrf;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (seen.has(field)) continue; // one message per field, the first is the most basic
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return { ok: false, errors, values };
}

/** Checkbox groups arrive as a string for one tick and an array for several. */
export function asArray(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
