import { z } from 'zod';
import { newPasswordField } from '../../../modules/accounts/password-rules.js';

export const changePasswordForm = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password'),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: 'Enter the new password again' }).min(1, 'Enter the new password again'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords do not match' });

export const enrolForm = z.object({
  code: z.string({ error: 'Enter the 6-digit code from your app' }).trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your app'),
});
