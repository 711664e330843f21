import { z } from 'zod';
import { ADULT_SERVICES } from '../../../domain/invitations/case-facts.js';
import { RESPONSES } from '../../../domain/invitations/responses.js';
import { asArray } from '../../forms.js';
import { dateField, requiredText } from '../../form-fields.js';

const optional = (max: number) => z.string().trim().max(max, `This must be ${max} characters or fewer`).optional().transform((v) => (v ? v : null));
const email = z
  .string().trim().max(200).optional().transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'Enter an email address in the correct format, like name@example.org');
const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(1);

/** What the record cannot say about the case: each ticked box may add a suggestion (IN2). */
export const CIRCUMSTANCE_FLAGS = [
  ['policeInvestigation', 'A police investigation is ongoing'],
  ['domesticAbuse', 'There is domestic abuse'],
  ['neglect', 'There is a neglect concern'],
  ['newInjury', 'A new physical injury'],
  ['newMedicalReport', 'A new medical report or forensic results to interpret'],
  ['disputedMedicalFindings', 'The parents dispute the medical findings'],
  ['growthOrDevelopmentConcern', 'A concern about growth or development'],
  ['childrensCentreWorkingIntensively', "A children's centre works intensively with an under-5"],
  ['proceedingsLive', 'Court proceedings are live (Children’s Guardian)'],
  ['fosterCarers', 'The child lives with foster carers'],
  ['incidentBeganOutOfHours', 'The incident began out of hours and first enquiries happened then'],
  ['protectionViaOutOfHours', 'Police protection or an EPO was arranged through the out-of-hours team'],
  ['legalAdviceRequestedByTeamManager', 'The team manager wants a local authority solicitor there'],
] as const;

export const SERVICE_LABELS: Record<(typeof ADULT_SERVICES)[number], string> = {
  probation: 'Probation', 'adult-mental-health': 'Adult mental health', 'substance-misuse': 'Substance misuse', 'domestic-abuse': 'Domestic abuse service',
};

const flagIds = CIRCUMSTANCE_FLAGS.map(([id]) => id) as [string, ...string[]];

export const circumstancesForm = z.object({
  flags: z.preprocess(asArray, z.array(z.enum(flagIds, { error: 'Select from the list' }))),
  services: z.preprocess(asArray, z.array(z.enum(ADULT_SERVICES, { error: 'Select from the list' }))),
  outOfHoursReferrals: z.string().trim().optional().transform((v) => (v ? v : '0'))
    .refine((v) => /^\d{1,2}$/.test(v), 'Enter the number of referrals as a whole number, like 3').transform(Number),
});

const details = {
  name: requiredText('Enter the person’s name', 200),
  role: requiredText('Enter their role, like Health visitor', 200),
  organisationName: optional(200),
  channel: z.enum(['secure-email', 'post', 'hand'], { error: 'Select how the invitation is sent' }),
  email,
  postalAddress: optional(500),
};

export const inviteeForm = z.object({ ...details, version });
export const newInviteeForm = z.object({ ...details, inviteeKind: z.enum(['parent', 'child', 'family-member', 'professional'], { error: 'Select who they are' }) });
export const removeForm = z.object({ reason: optional(2000), version });

export const responseForm = z.object({
  response: z.enum(RESPONSES, { error: 'Select their answer' }),
  delegateName: optional(200),
  reportPromised: z.string().optional().transform((v) => v === 'yes'),
  version,
});

export const observerForm = z.object({
  name: requiredText('Enter the observer’s name', 200),
  role: requiredText('Enter their role, like Student social worker', 200),
  organisationName: optional(200),
  email,
  purpose: requiredText('Say why they want to observe', 1000),
  requestedOn: dateField('Enter the date the request was made'),
});

export const observerDecisionForm = z.object({
  chairAgrees: z.enum(['yes', 'no'], { error: 'Select whether you agree' }).transform((v) => v === 'yes'),
  familyConsent: z.enum(['given', 'refused', 'not-yet'], { error: 'Select the family’s answer' }).transform((v) => (v === 'not-yet' ? null : v)),
  version,
});
