import { z } from 'zod';
import { realDate } from '../../form-fields.js';
import { RELATIONSHIP_TYPES } from '../../../modules/records/family.js';

const date = (missing: string, bad: string) => z.string({ error: missing }).trim().min(1, missing).refine(realDate, bad);
const yesNo = (missing: string) => z.enum(['yes', 'no'], { error: missing }).transform((v) => v === 'yes');
const id = (message: string) => z.string({ error: message }).regex(/^[0-9a-f-]{36}$/i, message);

export const relationshipForm = z.object({
  personId: id('Choose who the relationship is with'),
  type: z.enum(RELATIONSHIP_TYPES, { error: 'Choose the relationship to the child' }),
  parentalResponsibility: yesNo('Say whether they hold parental responsibility'),
  livesWithChild: yesNo('Say whether they live with the child'),
});

export const householdForm = z.object({
  name: z.string({ error: 'Enter a name for the household' }).trim().min(1, 'Enter a name for the household').max(120, 'The name must be 120 characters or fewer'),
  fromDate: date('Enter the date they moved in', 'Enter the date they moved in as a real date, like 2026-03-01'),
});

export const memberForm = z.object({
  personId: id('Choose a person from the search results'),
  fromDate: date('Enter the date they moved in', 'Enter the date they moved in as a real date, like 2026-03-01'),
});

export const leaveForm = z.object({
  toDate: date('Enter the date they left', 'Enter the date they left as a real date, like 2026-03-01'),
});
