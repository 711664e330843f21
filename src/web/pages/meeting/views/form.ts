import { z } from 'zod';
import { CATEGORY_CODES } from '../../../../domain/conference/categories.js';
import { asArray } from '../../../forms.js';
import type { ViewGridRow } from '../../../../modules/meeting/save-views-grid.js';

const gridRow = z.object({
  version: z.string().optional().transform((v) => (v ? Number(v) : null)).refine((v) => v === null || Number.isInteger(v), 'Reload the page and try again'),
  planNeeded: z.enum(['yes', 'no'], { error: 'Choose plan or no plan' }).optional().transform((v) => (v === undefined ? null : v === 'yes')),
  categories: z.preprocess(asArray, z.array(z.enum(CATEGORY_CODES, { error: 'Select categories from the list' }))),
  reasons: z.string().max(4000, 'The reasons must be 4000 characters or fewer').optional().transform((v) => v ?? ''),
  /** The row as loaded (a digest), to tell a row this user left alone from one they changed. */
  loaded: z.string().max(64).optional(),
});

/** A child's views grid sends each contributor's fields as `<field>-<attendance id>`, with the ids as `rows`. */
export function parseViewsGrid(body: unknown): { ok: true; rows: ViewGridRow[] } | { ok: false; errors: { field: string; message: string }[] } {
  const sent = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const ids = asArray(sent.rows).filter((id) => z.string().uuid().safeParse(id).success);
  const rows: ViewGridRow[] = [];
  const errors: { field: string; message: string }[] = [];
  for (const id of ids) {
    const parsed = gridRow.safeParse(Object.fromEntries(Object.keys(gridRow.shape).map((k) => [k, sent[`${k}-${id}`]])));
    if (parsed.success) rows.push({ ...parsed.data, attendanceId: id });
    else errors.push(...parsed.error.issues.map((issue) => ({ field: `${String(issue.path[0] ?? 'planNeeded')}-${id}`, message: issue.message })));
  }
  if (ids.length === 0) errors.push({ field: 'form', message: 'Reload the page and try again' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
