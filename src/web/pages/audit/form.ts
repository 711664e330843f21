import { z } from 'zod';

const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), 'Enter a real date, like 2026-03-31');

export const auditFilterForm = z
  .object({
    username: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
    childId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || z.string().uuid().safeParse(v).success, 'Enter the child’s record id as shown on their case page'),
    action: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
    from: isoDate,
    to: isoDate,
    page: z.coerce.number().int().min(1).max(100000).default(1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'The end date must be the same as or after the start date' });
