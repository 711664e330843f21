import { z } from 'zod';
import { parseIsoDate } from '../../../../domain/calendar/epoch-day.js';
import { requiredText } from '../../../form-fields.js';

export const importForm = z.object({
  document: requiredText('Paste the bank-holidays JSON document', 2_000_000, 'The document is too large: paste the official bank-holidays file only'),
});

export const closureForm = z.object({
  date: z
    .string({ error: 'Enter the date of the closure day' })
    .trim()
    .min(1, 'Enter the date of the closure day')
    .refine((v) => parseIsoDate(v) !== null, 'Enter a real date, like 2026-12-24'),
  title: z.string({ error: 'Enter what the closure is for' }).trim().min(1, 'Enter what the closure is for').max(120, 'Title must be 120 characters or fewer'),
});
