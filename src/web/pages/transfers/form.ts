import { z } from 'zod';

const isoDate = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `Enter ${label} as a real date, like 2026-03-02`);

const otherAuthority = {
  otherAuthority: z.string({ error: 'Enter the other authority' }).trim().min(1, 'Enter the other authority').max(200),
  otherContactName: z.string({ error: 'Enter the contact’s name' }).trim().min(1, 'Enter the contact’s name').max(200),
  otherContactEmail: z.string({ error: 'Enter the contact’s secure email' }).trim().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter an email address like name@example.org'),
};

export const transferInForm = z
  .object({
    childId: z.string({ error: 'Choose the child' }).uuid('Choose the child'),
    otherPlanCategory: z.enum(['NEG', 'PHY', 'SAB', 'EMO', 'MUL'], { error: 'Choose the category of the other authority’s plan' }),
    noticeReceivedOn: isoDate('the date notice was received'),
    movedOn: isoDate('the date the child moved'),
    ...otherAuthority,
  });

export const transferOutForm = z.object({ planId: z.string({ error: 'Choose the plan' }).uuid('Choose the plan'), movedOn: isoDate('the date the child moved'), ...otherAuthority });

export const receivingConferenceForm = z.object({
  theirConferenceOn: isoDate('the date of their conference'),
  theirDecision: z.string({ error: 'Enter what their conference decided' }).trim().min(1, 'Enter what their conference decided').max(2000),
});
