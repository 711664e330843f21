import { z } from 'zod';
import { OPENING_ITEMS } from '../../../domain/conference/opening-checklist.js';
import { asArray } from '../../forms.js';

export const versionField = z.coerce.number({ error: 'Reload the page and try again' }).int().min(0);

export const checklistForm = z.object({
  ticked: z.preprocess(asArray, z.array(z.enum(OPENING_ITEMS, { error: 'Select items from the list' }))),
  version: versionField,
});

export const concludeForm = z.object({ version: versionField });
