import { z } from 'zod';
import { dateField, optionalText, yesNo } from '../../../form-fields.js';

export const startForm = z.object({ startedOn: dateField('Enter the date the assessment started') });

export const completeForm = z.object({
  completedOn: dateField('Enter the date the assessment was completed'),
  discussedWithChildAndFamily: yesNo('Say whether the assessment has been discussed with the child and family'),
  summary: optionalText(),
});
