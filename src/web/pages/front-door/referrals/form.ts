import { z } from 'zod';
import { REFERRAL_SOURCE_CODES } from '../../../../domain/front-door/referral-sources.js';
import { checkReferrer, NEXT_STEPS, REFERRAL_CHANNELS } from '../../../../domain/front-door/referral-rules.js';
import { dateField, optionalText, requiredText, timeField, yesNo } from '../../../form-fields.js';

export const referralForm = z
  .object({
    receivedDate: dateField('Enter the date the referral was received'),
    receivedTime: timeField('Enter the time the referral was received'),
    channel: z.enum(REFERRAL_CHANNELS, { error: 'Select how the referral came in' }),
    sourceCode: z.string({ error: 'Select where the referral came from' }).refine((v) => REFERRAL_SOURCE_CODES.includes(v), 'Select where the referral came from'),
    referrerIsProfessional: yesNo('Say whether the referrer is a professional'),
    anonymous: yesNo('Say whether the referrer asked to stay anonymous'),
    referrerName: optionalText(200),
    referrerRole: optionalText(200),
    referrerOrganisation: optionalText(200),
    natureOfConcerns: requiredText('Enter the nature of the concerns'),
    howConcernsArose: requiredText('Enter how and why the concerns arose'),
    needs: requiredText('Enter what appear to be the needs of the child and family'),
    referrerInvolvement: requiredText('Enter the referrer’s involvement with the child and family'),
  })
  .superRefine((v, ctx) => {
    // The same FD1 rule the action applies, here so it shows with the other messages.
    for (const p of checkReferrer(v)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });

export const decisionForm = z.object({
  decision: z.enum(NEXT_STEPS, { error: 'Select the decision on next steps' }),
  reasons: requiredText('Enter the reasons for the decision'),
  decidedDate: dateField('Enter the date of the decision'),
  decidedTime: timeField('Enter the time of the decision'),
});

export const followUpForm = z.object({
  date: dateField('Enter the date'),
  time: timeField('Enter the time'),
});
