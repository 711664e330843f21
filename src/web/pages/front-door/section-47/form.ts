import { z } from 'zod';
import { SECTION_47_OUTCOMES } from '../../../../domain/front-door/outcomes.js';
import { dateField, optionalText, requiredText, yesNo } from '../../../form-fields.js';

export const childSeenForm = z.object({
  date: dateField('Enter the date the child was seen'),
  seenAlone: yesNo('Say whether the child was seen alone'),
  whoWasPresent: optionalText(500),
  whyNotAlone: optionalText(1000),
});

export const coreAssessmentForm = z.object({ completedOn: dateField('Enter the date the core assessment was completed') });

export const outcomeForm = z.object({
  outcome: z.enum(SECTION_47_OUTCOMES, { error: 'Select the outcome of the enquiry' }),
  reasons: requiredText('Enter the reasons, from the evidence of the enquiry'),
  icpcNotRequired: z.preprocess((v) => (v === undefined ? 'no' : v), yesNo('Say whether a conference is not required')),
});

/** Endorsing carries nothing but the click (and the CSRF token). */
export const endorseForm = z.object({});
