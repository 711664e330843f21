import { leadsToConference } from './outcomes.js';
import type { RuleProblem } from '../rules/rule-problem.js';
import { nfaRefusal } from './referral-rules.js';

/** The kinds a decision to convene creates here; a transfer-in comes from a transfer notice (TR). */
export const CONVENE_KINDS = ['initial', 'pre-birth'] as const;
export type ConveneKind = (typeof CONVENE_KINDS)[number];

export type ConferenceChildRole = 'subject' | 'household';

export interface ChildToConsider {
  caseId: string;
  name: string;
  /** Recorded with an expected date of delivery and no date of birth yet (UB1). */
  unborn: boolean;
  expectedDeliveryDate: string | null;
  onPlan: boolean;
  referralDecision: string | null;
  /** The child's latest section 47 enquiry and the date of the strategy discussion that began it. */
  section47: { outcome: string | null; strategyDiscussionOn: string } | null;
  /** A partner agency's request for a conference about this child, agreed (FD5). */
  agencyRequestAgreed: boolean;
}

export interface ChildChoice {
  caseId: string;
  role: ConferenceChildRole;
  likelyHarm?: string | undefined;
  harmFrom?: string | undefined;
}

export const harmField = (caseId: string) => `harm-${caseId}`;
export const harmFromField = (caseId: string) => `harmFrom-${caseId}`;
export const roleField = (caseId: string) => `role-${caseId}`;

/** Why this child cannot be a subject of a new initial conference, or null. */
function subjectRefusal(child: ChildToConsider, kind: ConveneKind): string | null {
  const nfa = nfaRefusal(child.referralDecision, 'conference', child.name);
  if (nfa) return nfa;
  if (child.onPlan) return `${child.name} already has a child protection plan: their plan is considered at their review conference.`;
  if (child.unborn && !child.expectedDeliveryDate) return `Record ${child.name}’s expected date of delivery before convening a pre-birth conference.`;
  if (child.unborn && kind !== 'pre-birth') return `${child.name} is not born yet: choose a pre-birth conference.`;
  if (!child.section47) return `${child.name} has had no section 47 enquiry: a conference follows a strategy discussion and section 47 enquiry.`;
  if (leadsToConference(child.section47.outcome) || child.agencyRequestAgreed) return null;
  if (child.section47.outcome === null) return `Record the outcome of ${child.name}’s section 47 enquiry before convening.`;
  return `${child.name}’s section 47 enquiry did not find a continuing risk of significant harm, and no agency’s request for a conference has been agreed.`;
}

/**
 * FD5 and UB1 at the decision to convene (000 § 1 Threshold): at least one subject child, each
 * with the significant harm they are likely to suffer and from whom; a pre-birth conference is
 * about an unborn child recorded with an expected date of delivery.
 */
export function checkDecisionToConvene(kind: ConveneKind, children: readonly ChildToConsider[], choices: readonly ChildChoice[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const subjects = choices.filter((c) => c.role === 'subject');
  if (subjects.length === 0) return [{ field: 'children', message: 'Choose at least one child as a subject of the conference' }];
  for (const choice of subjects) {
    const child = children.find((c) => c.caseId === choice.caseId);
    if (!child) {
      problems.push({ field: 'children', message: 'A chosen child is not in this household' });
      continue;
    }
    const refusal = subjectRefusal(child, kind);
    if (refusal) problems.push({ field: roleField(child.caseId), message: refusal });
    if (!choice.likelyHarm) problems.push({ field: harmField(child.caseId), message: `Enter the significant harm ${child.name} is likely to suffer` });
    if (!choice.harmFrom) problems.push({ field: harmFromField(child.caseId), message: `Enter from whom ${child.name} is likely to suffer the harm` });
  }
  if (kind === 'pre-birth' && !subjects.some((s) => children.find((c) => c.caseId === s.caseId)?.unborn)) {
    problems.push({ field: 'kind', message: 'A pre-birth conference is about an unborn child: choose the unborn child as a subject' });
  }
  return problems;
}

/**
 * TS1 counts from the strategy discussion that initiated the enquiries. Where the subjects'
 * enquiries began at different discussions, the earliest gives the earliest due date, so the
 * conference is late for none of them.
 */
export function countingStrategyDiscussionOn(children: readonly ChildToConsider[], subjectCaseIds: readonly string[]): string | null {
  const dates = children
    .filter((c) => subjectCaseIds.includes(c.caseId) && c.section47)
    .map((c) => c.section47!.strategyDiscussionOn)
    .sort();
  return dates[0] ?? null;
}

/** TS3 counts from the unborn subject's expected date of delivery (the earliest, for twins recorded apart). */
export function countingExpectedDeliveryDate(children: readonly ChildToConsider[], subjectCaseIds: readonly string[]): string | null {
  const dates = children
    .filter((c) => subjectCaseIds.includes(c.caseId) && c.unborn && c.expectedDeliveryDate)
    .map((c) => c.expectedDeliveryDate!)
    .sort();
  return dates[0] ?? null;
}

export interface ReviewSubjectFacts {
  childName: string;
  /** Already on a plan: a review subject in the ordinary way. */
  onPlan: boolean;
  /** A strategy discussion about this child that decided to start section 47 enquiries. */
  ownStrategyDiscussion: boolean;
  /** This child's own section 47 enquiry, if any. */
  ownSection47: { outcome: string | null } | null;
}

/**
 * CV3 (000 § 1, § 2 Review Conferences): a new baby or a child new to the household can be made
 * subject to a plan at the siblings' review only after their own strategy discussion and
 * section 47 enquiry; otherwise they need a new initial conference. Returns why not, or null.
 */
export function reviewSubjectRefusal(facts: ReviewSubjectFacts): string | null {
  if (facts.onPlan) return null;
  const newIcpc = 'a new initial child protection conference is needed for them.';
  if (!facts.ownStrategyDiscussion || !facts.ownSection47) {
    return `${facts.childName} has not had their own strategy discussion and section 47 enquiry, so they cannot be made subject to a plan at this review: ${newIcpc}`;
  }
  if (facts.ownSection47.outcome === null) {
    return `${facts.childName}’s own section 47 enquiry is not complete, so they cannot be made subject to a plan at this review: complete it first, or ${newIcpc}`;
  }
  if (!leadsToConference(facts.ownSection47.outcome)) {
    return `${facts.childName}’s section 47 enquiry did not find a continuing risk of significant harm, so there is nothing to consider at this review.`;
  }
  return null;
}

/** Per-child conference type (CV1): the review for a child on a plan, the initial for a child new to it. */
export function childTypeAtReview(onPlan: boolean): 'review' | 'initial' {
  return onPlan ? 'review' : 'initial';
}
