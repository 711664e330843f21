import { z } from 'zod';
import { CATEGORY_CODES } from '../../../../domain/conference/categories.js';
import { asArray } from '../../../forms.js';

export const viewForm = z.object({
  attendanceId: z.string({ error: 'Select who gives the view' }).uuid('Select who gives the view'),
  planNeeded: z.enum(['yes', 'no'], { error: 'Say whether they think a plan is needed' }).transform((v) => v === 'yes'),
  categories: z.preprocess(asArray, z.array(z.enum(CATEGORY_CODES, { error: 'Select categories from the list' }))),
  reasons: z.string({ error: 'Give the reasons for the view' }).trim().min(1, 'Give the reasons for the view').max(4000),
  version: z.string().optional().transform((v) => (v ? Number(v) : null)),
});
