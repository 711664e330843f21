import { z } from 'zod';
import { newPasswordField } from '../../../../modules/accounts/password-rules.js';
import { ROLE_IDS } from '../../../../policies/roles.js';
import { asArray } from '../../../forms.js';

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer`).optional().transform((v) => (v ? v : undefined));

const details = {
  displayName: z.string({ error: 'Enter the person’s full name' }).trim().min(1, 'Enter the person’s full name').max(120, 'Name must be 120 characters or fewer'),
  email: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'Enter an email address in the correct format, like name@example.org'),
  jobTitle: optionalText(120, 'Job title'),
  organisationId: z.string({ error: 'Select the organisation the user works for' }).uuid('Select the organisation the user works for'),
  teamId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.string().uuid().safeParse(v).success, 'Select a team'),
  roles: z.preprocess(asArray, z.array(z.enum(ROLE_IDS, { error: 'Select a role from the list' })).min(1, 'Select at least one role')),
};

export const newUserForm = z.object({
  username: z
    .string({ error: 'Enter a username' })
    .trim()
    .min(1, 'Enter a username')
    .min(3, 'Username must be at least 3 characters')
    .max(60, 'Username must be 60 characters or fewer')
    .regex(/^[a-zA-Z0-9._-]+$/, 'Username can only contain letters, numbers, dots, hyphens and underscores'),
  ...details,
  temporaryPassword: newPasswordField,
});

export const editUserForm = z.object({
  ...details,
  active: z.enum(['yes', 'no'], { error: 'Select whether the account is active' }).transform((v) => v === 'yes'),
});

export const resetPasswordForm = z.object({ temporaryPassword: newPasswordField });
