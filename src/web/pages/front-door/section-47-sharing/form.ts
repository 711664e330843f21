import { z } from 'zod';
import { SHARE_FORMATS, SHARE_METHODS } from '../../../../domain/front-door/section-47-sharing.js';
import { dateField, optionalText, requiredText } from '../../../form-fields.js';

const oneOf = <T extends Record<string, string>>(options: T, message: string) =>
  z.string({ error: message }).refine((v) => v in options, message);

/** FD6: whether the child is old enough, and understands enough, to receive the record. */
export const understandingForm = z.object({
  understands: z.enum(['yes', 'no'], { error: 'Say whether the child is old enough, and understands enough, to receive the record' }).transform((v) => v === 'yes'),
  reasons: requiredText('Give the reasons for your judgement', 3000),
});

/** FD6: the record shared with one person. */
export const shareForm = z.object({
  method: oneOf(SHARE_METHODS, 'Choose how the record was shared'),
  methodDetail: optionalText(1000),
  format: oneOf(SHARE_FORMATS, 'Choose the format the record was given in'),
  language: requiredText('Enter the language the record was given in', 100),
  interpreter: z.string().optional().transform((v) => v === 'yes'),
  sharedOn: dateField('Enter the date the record was shared'),
});
