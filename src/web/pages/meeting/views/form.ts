import { z } from 'zod';
import { CATEGORY_CODES } from '../../../../domain/conference/categories.js';
import { asArray, parseRows, type ParsedRows } from '../../../forms.js';

const gridRow = z.object({
  version: z.string().optional().transform((v) => (v ? Number(v) : null)).refine((v) => v === null || Number.isInteger(v), 'Reload the page and try again'),
  planNeeded: z.enum(['yes', 'no'], { error: 'Choose plan or no plan' }).optional().transform((v) => (v === undefined ? null : v === 'yes')),
  categories: z.preprocess(asArray, z.array(z.enum(CATEGORY_CODES, { error: 'Select categories from the list' }))),
  reasons: z.string().max(4000, 'The reasons must be 4000 characters or fewer').optional().transform((v) => v ?? ''),
  /** The row as loaded (a digest), to tell a row this user left alone from one they changed. */
  loaded: z.string().max(64).optional(),
});

/** A child's views grid sends each contributor's fields as `<field>-<attendance id>`, with the ids as `rows`. */
export function parseViewsGrid(body: unknown): ParsedRows<z.infer<typeof gridRow>> {
  return parseRows(gridRow, body, 'planNeeded');
}
