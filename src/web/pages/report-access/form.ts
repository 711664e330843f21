import { z } from 'zod';

const ENTER = 'Enter the 6-digit code from the email we sent you';
export const codeForm = z.object({
  code: z.string({ error: ENTER }).trim().min(1, ENTER).max(20, 'The code is 6 digits'),
});
