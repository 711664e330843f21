import { z } from 'zod';
import { PERIOD_KINDS } from '../../../domain/indicators/period.js';

const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));
const isoDate = optionalText.refine(
  (v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)),
  'Enter a real date, like 2027-03-31',
);
const optionalId = optionalText.refine((v) => v === undefined || z.string().uuid().safeParse(v).success, 'Choose from the list');

/** The dashboard's filters: a period (month, quarter, census year or custom dates), and a team or chair. */
export const performanceFilterForm = z
  .object({
    period: z.enum(PERIOD_KINDS, { message: 'Choose a month, quarter, census year or your own dates' }).default('month'),
    date: isoDate,
    from: isoDate,
    to: isoDate,
    team: optionalId,
    chair: optionalId,
    measure: optionalText,
    table: optionalText,
  })
  .superRefine((v, ctx) => {
    if (v.period !== 'custom') return;
    if (!v.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Enter the first day of the period' });
    if (!v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Enter the last day of the period' });
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts: enter an end on or after the start' });
  });

export type PerformanceFilterInput = z.infer<typeof performanceFilterForm>;
