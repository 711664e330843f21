import { z } from 'zod';
import { CATEGORY_CODES } from '../../../domain/conference/categories.js';
import { AGE_BANDS, REGISTER_SORTS, RESPONSIBLE } from '../../../domain/register/register-view.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const realDate = (message: string) =>
  z.string().trim().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), message);

/** The register's filters, as GET query parameters: every one optional, each refused with its own message. */
export function registerFilterForm(today: string) {
  return z.object({
    asOf: z.preprocess(blank, realDate('Enter the date as a real date, like 2026-03-31').refine((v) => v <= today, 'The date must be today or in the past').optional()),
    category: z.preprocess(blank, z.enum(CATEGORY_CODES, { error: 'Choose a category from the list' }).optional()),
    teamId: z.preprocess(blank, z.uuid({ error: 'Choose a team from the list' }).optional()),
    ageBand: z.preprocess(blank, z.enum(AGE_BANDS, { error: 'Choose an age band from the list' }).optional()),
    responsible: z.preprocess(blank, z.enum(RESPONSIBLE, { error: 'Choose whose plan it is from the list' }).optional()),
    sort: z.preprocess(blank, z.enum(REGISTER_SORTS, { error: 'Choose an order from the list' }).default('name')),
    page: z.preprocess(blank, z.coerce.number({ error: 'Enter a page number' }).int('Enter a whole page number').min(1, 'Enter a page number of 1 or more').max(100000, 'Enter a smaller page number').default(1)),
  });
}
