import { sameCategories, type CategoryCode } from './categories.js';
import type { MeetingRules } from './meeting-rules.js';
import { validatePlanDetails, type PlanDetails } from './plan-decision.js';
import { checkChairDecision, dissentsFrom, type DecisionBasis, type Dissent, type PlanCall, type PractitionerView } from './views.js';
import { choiceSet, isOneOf } from '../choices.js';

/** DC5: the outcomes a conference may reach for each child. */
export const { labels: OUTCOME_LABELS, values: OUTCOMES, is: isOutcome } = choiceSet({
  plan: 'Child protection plan',
  'no-plan-cin': 'No plan: a child in need plan is recommended',
  'no-plan-nfa': 'No plan and no further action',
  adjourned: 'Decision deferred: the conference is adjourned',
  'legal-action': 'Legal action recommended',
});
export type Outcome = (typeof OUTCOMES)[number];

/** What an outcome says about the need for a plan; an adjournment says nothing yet. */
export function planCallOf(outcome: Outcome): PlanCall | null {
  if (outcome === 'adjourned') return null;
  return outcome === 'plan' ? 'plan' : 'no-plan';
}

export const PARENTS_VIEWS = ['agree', 'disagree', 'not-present'] as const;
export type ParentsView = (typeof PARENTS_VIEWS)[number];

export function isParentsView(value: string): value is ParentsView {
  return isOneOf(PARENTS_VIEWS, value);
}

export interface DecisionInput extends PlanDetails {
  outcome: Outcome;
  sufferedHarm: boolean | null;
  sufferedHarmReasons: string;
  likelyHarm: boolean | null;
  likelyHarmReasons: string;
  categories: readonly CategoryCode[];
  categoryChangeGrounds: string;
  chairView: PlanCall | null;
  overrule: boolean;
  overruleReasons: string;
  inquorateReasons: string;
  variationReason: string;
  childInNeedRecommendation: string;
  legalActionRecommendation: string;
  interimSafetyPlan: string;
  parentsView: ParentsView | null;
  complaintsRouteExplained: boolean;
  /** EN3 (pan-dorset), asked when a review's decision would end the plan. */
  endingException?: string | null;
  childViewOnEnding?: boolean;
  coreAssessmentComplete?: boolean;
}

export interface DecisionContext {
  rules: MeetingRules;
  childType: 'initial' | 'review';
  quorate: boolean;
  views: readonly PractitionerView[];
  /** The child's open plan, where this conference reviews it. */
  existingPlan: { categories: readonly string[] } | null;
  /** An earlier decision for this child that this one would vary (DC5). */
  previousOutcome: Outcome | null;
  conferenceDate: string;
  childUnderFive: boolean;
  /** TS8, or null where no first core group follows this conference. */
  firstCoreGroupDue: string | null;
  /** TS5 after an initial, TS6 after a review. */
  reviewDue: string;
}

export interface DecisionFieldError {
  field: string;
  message: string;
}

export interface CheckedDecision {
  errors: DecisionFieldError[];
  basis: DecisionBasis | null;
  dissents: Dissent[];
  /** CF1: inquorate and a plan continues, so the review comes early. */
  earlyReview: boolean;
}

const blank = (s: string): boolean => s.trim() === '';

/**
 * DC1/RV1: a plan is made, or kept at a review, only where the child is judged likely to suffer
 * significant harm in future; harm already suffered counts only as evidence for that judgement
 * (`002` 2.102–2.103 and 2.141; RULES.md DC1).
 */
export const PLAN_NEEDS_LIKELY_HARM =
  'A plan is made or kept only when the child is judged likely to suffer significant harm in future. Harm suffered in the past is not enough on its own: answer yes to likely future harm, or choose another outcome';

function thresholdErrors(input: DecisionInput): DecisionFieldError[] {
  const errors: DecisionFieldError[] = [];
  if (input.sufferedHarm === null) errors.push({ field: 'sufferedHarm', message: 'Say whether the child has suffered significant harm' });
  if (blank(input.sufferedHarmReasons)) errors.push({ field: 'sufferedHarmReasons', message: 'Give the reasons for the answer on harm suffered' });
  if (input.likelyHarm === null) errors.push({ field: 'likelyHarm', message: 'Say whether the child is likely to suffer significant harm in future' });
  if (blank(input.likelyHarmReasons)) errors.push({ field: 'likelyHarmReasons', message: 'Give the reasons for the answer on likely future harm' });
  if (input.outcome === 'plan' && input.likelyHarm === false) {
    errors.push({ field: 'outcome', message: PLAN_NEEDS_LIKELY_HARM });
  }
  return errors;
}

function categoryErrors(input: DecisionInput, ctx: DecisionContext): DecisionFieldError[] {
  if (input.outcome !== 'plan') {
    return input.categories.length > 0 ? [{ field: 'categories', message: 'Only a plan has a category: clear the categories or choose a plan' }] : [];
  }
  if (input.categories.length === 0) return [{ field: 'categories', message: 'Choose the category of abuse or neglect' }];
  if (input.categories.length > 1 && !ctx.rules.severalCategories) {
    return [{ field: 'categories', message: 'Choose one category: in this area a child has a single category' }];
  }
  if (ctx.existingPlan && !sameCategories(ctx.existingPlan.categories, input.categories) && blank(input.categoryChangeGrounds)) {
    return [{ field: 'categoryChangeGrounds', message: 'Give the grounds for changing the category' }];
  }
  return [];
}

function outcomeDetailErrors(input: DecisionInput): DecisionFieldError[] {
  switch (input.outcome) {
    case 'no-plan-cin':
      return blank(input.childInNeedRecommendation) ? [{ field: 'childInNeedRecommendation', message: 'Set out the recommended child in need plan' }] : [];
    case 'legal-action':
      return blank(input.legalActionRecommendation) ? [{ field: 'legalActionRecommendation', message: 'Set out the legal action recommended' }] : [];
    case 'adjourned':
      return blank(input.interimSafetyPlan)
        ? [{ field: 'interimSafetyPlan', message: 'Record the interim plan that keeps the child safe until the conference reconvenes' }]
        : [];
    default:
      return [];
  }
}

/**
 * Everything the chair must settle before a decision for one child is recorded: both harm tests
 * with reasons (DC1), the decision against the views (DC3), the category (DC4), the outcome's own
 * details (DC5), the complaints route where parents disagree (DC7), the reasons for going ahead
 * inquorate (CF1) and, for a plan, what it must name (DC6, DC8).
 */
export function checkDecision(input: DecisionInput, ctx: DecisionContext): CheckedDecision {
  const errors: DecisionFieldError[] = [];
  const call = planCallOf(input.outcome);
  if (input.outcome !== 'adjourned') errors.push(...thresholdErrors(input));

  let basis: DecisionBasis | null = null;
  if (call) {
    const checked = checkChairDecision(ctx.rules.views, ctx.views, { decision: call, chairView: input.chairView ?? undefined, overrule: input.overrule });
    if (checked.ok) basis = checked.basis;
    else errors.push({ field: checked.field, message: checked.message });
  } else if (input.overrule) {
    errors.push({ field: 'overrule', message: 'An adjournment overrules nobody: untick the overrule' });
  }
  if (basis === 'overrule' && blank(input.overruleReasons)) {
    errors.push({ field: 'overruleReasons', message: 'Give the reasons for overruling the conference' });
  }
  errors.push(...categoryErrors(input, ctx), ...outcomeDetailErrors(input));

  if (!ctx.quorate && input.outcome !== 'adjourned' && blank(input.inquorateReasons)) {
    errors.push({ field: 'inquorateReasons', message: 'The conference is not quorate for this child: give the reasons for deciding without a quorum' });
  }
  if (ctx.previousOutcome !== null && ctx.previousOutcome !== input.outcome && blank(input.variationReason)) {
    errors.push({ field: 'variationReason', message: 'This changes the outcome decided earlier for this child: give the reason' });
  }
  if (input.parentsView === 'disagree' && !input.complaintsRouteExplained) {
    errors.push({ field: 'complaintsRouteExplained', message: 'The parents disagree: explain the complaints route to them and tick to confirm' });
  }
  const earlyReview = input.outcome === 'plan' && !ctx.quorate && ctx.rules.inquorate.earlyReviewIfPlan;
  if (input.outcome === 'plan') errors.push(...validatePlanDetails(input, { ...ctx, earlyReview }));

  return { errors, basis, dissents: call ? dissentsFrom(ctx.views, call) : [], earlyReview };
}
