import { z } from 'zod';
import { STRATEGY_AGENCIES } from '../../../../domain/front-door/strategy-discussion-rules.js';
import { asArray } from '../../../forms.js';
import { dateField, optionalDateField, requiredText, timeField, yesNo } from '../../../form-fields.js';
import { isOneOf } from '../../../../domain/choices.js';

/** Rows on the form for the people who took part; blank rows are ignored. */
export const PARTICIPANT_ROWS = 8;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export const discussionForm = z
  .looseObject({
    heldDate: dateField('Enter the date of the strategy discussion'),
    heldTime: timeField('Enter the time of the strategy discussion'),
    caseIds: z.preprocess(asArray, z.array(z.string()).min(1, 'Choose the children the discussion was about')),
    informationShared: requiredText('Enter the information shared'),
    decisions: requiredText('Enter the decisions reached'),
    basisForDecisions: requiredText('Enter the basis for the decisions'),
    initiateSection47: yesNo('Say whether section 47 enquiries are to start'),
    immediateSafetyActions: requiredText('Enter the immediate action to keep the children safe, or “None”'),
    sharedWithFamily: requiredText('Enter what will be shared with the family, and when'),
    legalAction: requiredText('Enter whether legal action is needed, or “None”'),
    physicalAbuseOrSeriousNeglect: yesNo('Say whether the concern is physical abuse or serious neglect'),
    concernDate: optionalDateField(),
    concernTime: z.string().trim().optional().transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Enter a time like 09:30'),
  })
  .transform((v, ctx) => {
    const participants = [];
    for (let i = 0; i < PARTICIPANT_ROWS; i += 1) {
      const agency = text(v[`participantAgency${i}`]);
      const name = text(v[`participantName${i}`]);
      const role = text(v[`participantRole${i}`]);
      if (!agency && !name && !role) continue;
      if (!isOneOf(STRATEGY_AGENCIES, agency)) {
        ctx.addIssue({ code: 'custom', path: [`participantAgency${i}`], message: `Select the agency of participant ${i + 1}` });
      } else if (!name) {
        ctx.addIssue({ code: 'custom', path: [`participantName${i}`], message: `Enter the name of participant ${i + 1}` });
      } else {
        participants.push({ agency, name, role });
      }
    }
    return {
      heldDate: v.heldDate, heldTime: v.heldTime, caseIds: v.caseIds, participants,
      informationShared: v.informationShared, decisions: v.decisions, basisForDecisions: v.basisForDecisions,
      initiateSection47: v.initiateSection47, immediateSafetyActions: v.immediateSafetyActions, sharedWithFamily: v.sharedWithFamily,
      legalAction: v.legalAction, physicalAbuseOrSeriousNeglect: v.physicalAbuseOrSeriousNeglect,
      concernDate: v.concernDate, concernTime: v.concernTime,
    };
  });

export const circulationForm = z.object({
  circulatedDate: dateField('Enter the date the record was circulated'),
  circulatedTime: timeField('Enter the time the record was circulated'),
});

export const startEnquiriesForm = z.object({
  caseIds: z.preprocess(asArray, z.array(z.string()).min(1, 'Choose the children whose enquiries start')),
});
