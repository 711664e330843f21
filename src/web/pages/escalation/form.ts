import { z } from 'zod';

const text = (label: string, max = 4000) => z.string({ error: `Enter ${label}` }).trim().min(1, `Enter ${label}`).max(max, `${label[0]?.toUpperCase()}${label.slice(1)} is too long`);
const isoDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `Enter ${label} as a real date, like 2026-03-02`);

export const complaintForm = z.object({
  complainantName: text('the name of the person complaining', 200),
  complainantRelationship: text('their relationship to the child', 100),
  about: z.enum(['process', 'category', 'plan-decision'], { error: 'Choose what the complaint is about' }),
  details: text('the complaint'),
  receivedOn: isoDate('the date it was received'),
});

export const complaintStepForm = z.object({
  step: z.enum(['resolve', 'escalate', 'uphold', 'not-upheld', 'to-review-panel', 'close'], { error: 'Choose what happened' }),
  note: text('what was decided and why'),
  on: isoDate('the date'),
  version: z.coerce.number().int().min(1),
});

export const dissentForm = z.object({
  childId: z.string().optional().transform((v) => (v ? v : null)),
  professionalName: text('the professional’s name', 200),
  agency: text('their agency', 200),
  view: text('their view'),
  raisedWith: text('who they raised it with', 200),
  raisedOn: isoDate('the date it was raised'),
});

export const dissentStepForm = z.object({
  step: z.enum(['alert-service-manager', 'uphold-decision', 'bring-review-forward', 'to-partnership-chair'], { error: 'Choose what happened' }),
  note: text('the reasons'),
  version: z.coerce.number().int().min(1),
});

export const concernForm = z.object({
  conferenceId: z.string().optional().transform((v) => (v ? v : null)),
  raisedWith: text('who the concern was raised with', 200),
  agency: text('the agency', 200),
  concern: text('the concern'),
  raisedOn: isoDate('the date it was raised'),
});

export const resolveForm = z.object({ resolution: text('how it was resolved'), resolvedOn: isoDate('the date it was resolved') });
