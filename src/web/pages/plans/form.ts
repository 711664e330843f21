import { z } from 'zod';
import { CONTINUING_SUPPORT, ENDING_ROUTES } from '../../../domain/plans/ending.js';
import { REVIEW_TRIGGERS } from '../../../domain/plans/reviews.js';
import { CORE_GROUP_CHAIR_ROLES } from '../../../domain/plans/core-groups.js';
import { PLAN_ACTION_STATUSES } from '../../../modules/plans/save-plan-action.js';
import { dateField, optionalDateField, optionalText, requiredText, yesNo } from '../../form-fields.js';

const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(1, 'Reload the page and try again');
const weeks = (message: string) => z.coerce.number({ error: message }).int(message).min(1, message).max(26, message);

export const planActionForm = z.object({
  action: requiredText('Describe the action'),
  owner: requiredText('Say who will do it', 200),
  ownerRole: requiredText('Give their role or job title', 200),
  dueOn: optionalDateField(),
  progress: optionalText(),
  status: z.enum(PLAN_ACTION_STATUSES, { error: 'Select the status' }),
  version: z.coerce.number().int().min(0).optional(),
});

/** Rows of the members table: member0Name, member0Attended, … */
export const MEMBER_ROWS = 8;

export const coreGroupForm = z.object({
  heldOn: dateField('Enter the date of the core group'),
  chairName: requiredText('Enter who chaired the meeting', 200),
  chairRole: z.enum(CORE_GROUP_CHAIR_ROLES, { error: 'Select who chaired it' }),
  decisions: requiredText('Record the decisions'),
  actionsAgreed: optionalText(),
  nextIntervalWeeks: z.string().trim().optional().transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 26), 'Enter the weeks to the next meeting as a whole number from 1 to 26'),
  planUpdated: yesNo('Say whether the detailed plan was updated'),
  planDistributedOn: optionalDateField(),
  distributedTo: optionalText(1000),
  dischargePlan: optionalText(),
  collectiveReviewReport: z.string().optional().transform((v) => v === 'yes'),
  planVersion: version,
});

export function membersFrom(body: Record<string, unknown>) {
  const members = [];
  for (let i = 0; i < MEMBER_ROWS; i += 1) {
    const name = String(body[`member${i}Name`] ?? '').trim();
    if (!name) continue;
    members.push({
      name, role: String(body[`member${i}Role`] ?? '').trim(), agency: String(body[`member${i}Agency`] ?? '').trim(),
      attended: body[`member${i}Attended`] === 'yes', writtenViews: String(body[`member${i}Views`] ?? '').trim(), row: i,
    });
  }
  return members;
}

export const visitForm = z.object({
  visitedOn: dateField('Enter the date of the visit'),
  childSeen: yesNo('Say whether the child was seen'),
  seenAlone: z.string().optional().transform((v) => v === 'yes'),
  visitedBy: requiredText('Say who visited', 200),
  notSeenReason: optionalText(),
});

export const frequencyRequestForm = z.object({
  proposedWeeks: weeks('Enter the frequency as a whole number of weeks from 1 to 26'),
  reasons: requiredText('Give the reasons for the change'),
});

export const frequencyDecisionForm = z.object({
  decision: z.enum(['approved', 'refused'], { error: 'Select approve or refuse' }),
  note: requiredText('Give the reasons for your decision'),
  version,
  planVersion: version,
});

export const problemForm = z.object({
  planActionId: z.string().optional().transform((v) => (v ? v : null)),
  reporterName: requiredText('Enter who cannot carry out the action', 200),
  reporterAgency: requiredText('Enter their agency', 200),
  whatCannotBeDone: requiredText('Say what cannot be done'),
  reason: requiredText('Say why'),
  managerName: requiredText('Enter their manager’s name', 200),
  managerEmail: z.string({ error: 'Enter their manager’s secure email address' }).trim().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter an email address in the correct format, like name@example.org'),
});

export const reviewForm = z.object({
  trigger: z.enum(['now', ...REVIEW_TRIGGERS], { error: 'Select why the review is needed now' }),
  details: optionalText(),
  occurredOn: dateField('Enter when it happened'),
  holdBy: dateField('Enter the date to hold the review by'),
  chairConsulted: z.string().optional().transform((v) => v === 'yes'),
  // RV2 in newcastle: the IRO consulted (checked by the action, which knows the pack).
  iroConsultedName: z.string().optional().transform((v) => v ?? ''),
  iroConsultedOn: z.string().optional().transform((v) => v ?? ''),
  iroConsultedNote: z.string().optional().transform((v) => v ?? ''),
});

const consultationResponse = z.enum(['agreed', 'objected', 'no-reply']);

export const endForm = z.object({
  route: z.enum(ENDING_ROUTES, { error: 'Select how the plan is ending' }),
  endedOn: dateField('Enter the date the plan ends'),
  reason: requiredText('Give the reason the plan is ending'),
  continuingSupport: z.enum(CONTINUING_SUPPORT, { error: 'Say what help carries on after the plan' }),
  continuingSupportDetails: optionalText(),
  receivingAuthority: optionalText(200),
  receivingConferenceOn: optionalDateField(),
  noPlanToReturn: z.string().optional().transform((v) => v === 'yes'),
  consultation: optionalText(5000).transform((text) => text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [name = '', role = '', response = ''] = line.split('|').map((s) => s.trim());
    const parsed = consultationResponse.safeParse(response);
    return { name, role, response: parsed.success ? parsed.data : ('no-reply' as const) };
  })),
  secondManagerName: optionalText(200),
  agreementReceivedOn: optionalDateField(),
  planVersion: version,
});

export const briefingForm = z.object({ note: requiredText('Write why the child remains on a plan') });

/** RV4: the legal advice after a designated review. */
export const legalAdviceForm = z.object({
  conferenceId: z.string({ error: 'Choose the designated review the advice follows' }).uuid({ error: 'Choose the designated review the advice follows' }),
  soughtOn: dateField('Enter the date the advice was sought'),
  adviser: requiredText('Enter who gave the advice', 200),
  advice: requiredText('Write what the advice was', 10_000),
});
