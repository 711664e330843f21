import { z } from 'zod';
import { CATEGORY_CODES } from '../../../../domain/conference/categories.js';
import { OUTCOMES, type DecisionInput } from '../../../../domain/conference/decision.js';
import type { CoreGroupMember } from '../../../../domain/conference/plan-decision.js';
import { FIRST_REVIEW_EXCEPTIONS } from '../../../../domain/plans/ending.js';
import { asArray } from '../../../forms.js';

const text = (max = 4000) => z.string().max(max, `Must be ${max} characters or fewer`).optional().transform((v) => (v ?? '').trim());
const yesNo = z.enum(['yes', 'no']).optional().transform((v) => (v === undefined ? null : v === 'yes'));
const box = z.string().optional().transform((v) => v === 'yes');
const blankIsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalId = (message: string) => z.preprocess(blankIsUndefined, z.string().uuid(message).optional()).transform((v) => v ?? null);
const optionalDate = (message: string) =>
  z.preprocess(blankIsUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, message).optional()).transform((v) => v ?? null);

/** "Name, role" per line: plain text works on every device without scripts. */
export function parseCoreGroup(text: string): CoreGroupMember[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf(',');
      return at < 0 ? { name: line, role: '' } : { name: line.slice(0, at).trim(), role: line.slice(at + 1).trim() };
    });
}

export function coreGroupText(members: readonly CoreGroupMember[]): string {
  return members.map((m) => `${m.name}, ${m.role}`).join('\n');
}

export const decisionForm = z
  .object({
    outcome: z.enum(OUTCOMES, { error: 'Choose the decision for this child' }),
    sufferedHarm: yesNo,
    sufferedHarmReasons: text(),
    likelyHarm: yesNo,
    likelyHarmReasons: text(),
    categories: z.preprocess(asArray, z.array(z.enum(CATEGORY_CODES, { error: 'Select categories from the list' }))),
    categoryChangeGrounds: text(),
    chairView: z.preprocess(blankIsUndefined, z.enum(['plan', 'no-plan']).optional()).transform((v) => v ?? null),
    overrule: box,
    overruleReasons: text(),
    inquorateReasons: text(),
    variationReason: text(),
    childInNeedRecommendation: text(),
    legalActionRecommendation: text(),
    interimSafetyPlan: text(),
    parentsView: z.preprocess(blankIsUndefined, z.enum(['agree', 'disagree', 'not-present']).optional()).transform((v) => v ?? null),
    complaintsRouteExplained: box,
    leadSocialWorkerId: optionalId('Select the lead social worker from the list'),
    contactTeamManagerId: optionalId('Select the team manager from the list'),
    coreGroup: text(),
    firstCoreGroupOn: optionalDate('Enter the date of the first core group'),
    reviewOn: optionalDate('Enter the date of the review conference'),
    reviewTriggers: text(),
    childrensCentre: z.preprocess(blankIsUndefined, z.enum(['told', 'not-told']).optional()).transform((v) => v ?? null),
    childrensCentreReason: text(),
    endingException: z.preprocess(blankIsUndefined, z.enum(FIRST_REVIEW_EXCEPTIONS, { error: 'Choose the exceptional circumstance from the list' }).optional()).transform((v) => v ?? null),
    childViewOnEnding: box,
    coreAssessmentComplete: box,
    version: z.string().optional().transform((v) => (v ? Number(v) : null)),
  })
  .transform(({ coreGroup, version, ...rest }): { input: DecisionInput; version: number | null } => ({
    input: onlyWhatApplies({ ...rest, coreGroupMembers: parseCoreGroup(coreGroup), reviewTriggers: rest.reviewTriggers }),
    version,
  }));

/**
 * The form is progressive: each outcome reveals only its own questions, but a browser still sends
 * what is typed (or defaulted from the case) in the parts it hides. What the chosen answers make
 * irrelevant is dropped here, so a hidden default never refuses or colours the decision.
 */
export function onlyWhatApplies(input: DecisionInput): DecisionInput {
  const plan = input.outcome === 'plan';
  return {
    ...input,
    categories: plan ? input.categories : [],
    categoryChangeGrounds: plan ? input.categoryChangeGrounds : '',
    leadSocialWorkerId: plan ? input.leadSocialWorkerId : null,
    contactTeamManagerId: plan ? input.contactTeamManagerId : null,
    coreGroupMembers: plan ? input.coreGroupMembers : [],
    firstCoreGroupOn: plan ? input.firstCoreGroupOn : null,
    reviewOn: plan ? input.reviewOn : null,
    reviewTriggers: plan ? input.reviewTriggers : '',
    childrensCentre: plan ? input.childrensCentre : null,
    childrensCentreReason: plan && input.childrensCentre === 'not-told' ? input.childrensCentreReason : '',
    childInNeedRecommendation: input.outcome === 'no-plan-cin' ? input.childInNeedRecommendation : '',
    legalActionRecommendation: input.outcome === 'legal-action' ? input.legalActionRecommendation : '',
    interimSafetyPlan: input.outcome === 'adjourned' ? input.interimSafetyPlan : '',
    overruleReasons: input.overrule ? input.overruleReasons : '',
  };
}

export const consultationForm = z.object({
  seniorManagersInformed: z.string({ error: 'Name the senior managers told' }).trim().min(1, 'Name the senior managers told').max(500),
  informedOn: z.string({ error: 'Enter the date they were told' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date they were told'),
  version: z.coerce.number().int(),
});
