import { z } from 'zod';
import { requiredText } from '../../../form-fields.js';

const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(1, 'Reload the page and try again');

export const authoriseForm = z.object({ version });

export const declineForm = z.object({
  version,
  reasons: requiredText('Enter the reasons for declining the decision to convene'),
});
