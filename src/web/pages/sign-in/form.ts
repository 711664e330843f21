import { z } from 'zod';
import { requiredText } from '../../form-fields.js';

export const signInForm = z.object({
  username: requiredText('Enter your username', 100, 'Username must be 100 characters or fewer'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
  next: z.string().optional(),
});

export const secondFactorForm = z.object({
  code: requiredText('Enter the 6-digit code from your authenticator app, or a recovery code', 20, 'Enter the 6-digit code from your authenticator app, or a recovery code'),
});

/** Only a same-site path (shared with the break-glass page): src/web/input/safe-next.ts. */
export { safeNext } from '../../input/safe-next.js';
