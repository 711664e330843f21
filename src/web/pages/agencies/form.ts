import { z } from 'zod';
import { AGENCY_KINDS } from '../../../modules/agencies/directory.js';

const optional = (max: number, check?: { test: (v: string) => boolean; message: string }) =>
  z.string().trim().max(max, `Must be ${max} characters or fewer`).optional().transform((v) => (v ? v : null))
    .refine((v) => v === null || !check || check.test(v), check?.message ?? '');
const email = { test: (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), message: 'Enter an email address like name@agency.gov.uk' };
const phone = { test: (v: string) => /^[0-9 +()-]{6,20}$/.test(v), message: 'Enter a phone number using digits, spaces and +' };

export const agencyForm = z.object({
  name: z.string({ error: 'Enter the agency’s name' }).trim().min(1, 'Enter the agency’s name').max(160, 'The name must be 160 characters or fewer'),
  kind: z.enum(AGENCY_KINDS, { error: 'Choose the kind of agency' }),
  secureEmail: optional(200, email),
  phone: optional(20, phone),
});

export const professionalForm = z.object({
  name: z.string({ error: 'Enter the practitioner’s name' }).trim().min(1, 'Enter the practitioner’s name').max(120, 'The name must be 120 characters or fewer'),
  role: z.string({ error: 'Enter their role' }).trim().min(1, 'Enter their role, for example health visitor').max(120, 'The role must be 120 characters or fewer'),
  secureEmail: optional(200, email),
  phone: optional(20, phone),
  userId: z.string().optional().transform((v) => (v ? v : null)),
  active: z.enum(['yes', 'no']).optional().transform((v) => v !== 'no'),
});
