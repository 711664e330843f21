import { z } from 'zod';
import { optionalDateField, optionalText } from '../../../form-fields.js';

const choice = z.string().optional().transform((v) => v || null);
const date = optionalDateField().transform((v) => v ?? null);

/** TR3: the emergency and the authority consulted. Required fields and date order are the domain rule's. */
export const consultationForm = z.object({
  childId: z.string({ error: 'Choose the child' }).uuid('Choose the child'),
  responsibleAuthority: optionalText(200),
  responsibleBecause: choice,
  emergencyAction: optionalText(5000),
  foundOn: date,
  consultedOn: date,
  consultedName: optionalText(200),
});

export const answerForm = z.object({
  answer: choice,
  answeredOn: date,
  writtenConfirmationOn: date,
  writtenConfirmationReference: optionalText(500),
  version: z.coerce.number().int().min(0).max(1_000_000),
});

export const passForm = z.object({ version: z.coerce.number().int().min(0).max(1_000_000) });

export const temporaryChangeForm = z.object({ change: choice, changedOn: date, details: optionalText(5000) });

export const tellForm = z.object({
  name: optionalText(200),
  email: z.union([z.literal(''), z.string().trim().email('Enter an email address like name@agency.example')]).optional().transform((v) => v || ''),
}).refine((v) => !v.email || v.name, { message: 'Enter the agency’s name', path: ['name'] });
