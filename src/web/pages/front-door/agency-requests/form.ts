import { z } from 'zod';
import { dateField, requiredText } from '../../../form-fields.js';

export const agencyRequestForm = z.object({
  organisationId: z.string().trim().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || z.uuid().safeParse(v).success, 'Select the agency making the request'),
  professionalName: requiredText('Enter the name of the professional making the request', 200),
  professionalRole: requiredText('Enter their role, for example designated nurse', 200),
  reasons: requiredText('Enter why they ask for a conference'),
  receivedDate: dateField('Enter the date the request was received'),
});

export const agencyDecisionForm = z.object({
  decision: z.enum(['agreed', 'declined'], { error: 'Select whether the request is agreed' }),
  reasons: requiredText('Enter the reasons for the decision'),
  version: z.coerce.number().int().min(1),
});
