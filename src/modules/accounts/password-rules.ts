import { z } from 'zod';

/** Length over complexity (NCSC guidance): at least 12 characters, no composition rules. */
export const newPasswordField = z
  .string({ error: 'Enter a new password' })
  .min(1, 'Enter a password')
  .min(12, 'Password must be at least 12 characters')
  .max(200, 'Password must be 200 characters or fewer');
