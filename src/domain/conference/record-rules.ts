import { isInitialKind, type ConferenceKind } from './kinds.js';
import type { MeetingRules, OnwardSharingConsent } from './meeting-rules.js';

/** The facts RC1 turns on. Most come from the conference and its children; the rest the chair ticks. */
export interface FullMinutesFacts {
  kind: ConferenceKind;
  /** The conference considers a new member of a household whose children have plans. */
  newHouseholdMember: boolean;
  /** The first review of a child's plan. */
  firstReview: boolean;
  unbornChild: boolean;
  /** A new section 47 enquiry about a child who already has a plan. */
  newSection47OnPlanChild: boolean;
  lookedAfterChild: boolean;
  /** Legal planning meeting agreed under the Public Law Outline, or care proceedings not yet concluded. */
  legalPlanning: boolean;
  reconvenedAfterComplaint: boolean;
  directedByHeadOfService: boolean;
  /** For a conference reconvened after an adjournment: the facts of the conference that adjourned. */
  adjournedFrom: FullMinutesFacts | null;
}

export type RecordForm = 'full-minutes' | 'chairs-record';

export const RECORD_FORM_LABELS: Record<RecordForm, string> = {
  'full-minutes': 'Full minutes',
  'chairs-record': "Chair's record (decisions, recommendations, summary and conclusions, with the reports)",
};

/**
 * RC1, Hertfordshire's list (`000` § 10): the reasons this conference needs full minutes, empty
 * when the chair's record is enough.
 */
export function hertfordshireFullMinutesReasons(facts: FullMinutesFacts): string[] {
  const reasons: string[] = [];
  if (isInitialKind(facts.kind)) reasons.push('an initial conference (transfer-in and pre-birth included)');
  if (facts.newHouseholdMember) reasons.push('it considers a new member of a household with children on plans');
  if (facts.firstReview) reasons.push('the first review of a plan');
  if (facts.unbornChild || facts.kind === 'pre-birth') reasons.push('it considers an unborn child');
  if (facts.newSection47OnPlanChild) reasons.push('a new section 47 enquiry about a child who has a plan');
  if (facts.lookedAfterChild) reasons.push('it considers a looked-after child');
  if (facts.legalPlanning) reasons.push('a legal planning meeting under the Public Law Outline, or care proceedings not concluded');
  if (facts.reconvenedAfterComplaint) reasons.push('reconvened after a complaint');
  if (facts.directedByHeadOfService) reasons.push('the head of service directs full minutes');
  if (facts.adjournedFrom && hertfordshireFullMinutesReasons(facts.adjournedFrom).length > 0) {
    reasons.push('reconvened after the adjournment of a conference that needed full minutes');
  }
  // "Initial" and "unborn" both fire for a pre-birth conference; say each reason once.
  return [...new Set(reasons)];
}

/** RC1: full minutes or the chair's record, with the reasons, by the pack's rule. */
export function recordFormFor(rules: MeetingRules['record'], facts: FullMinutesFacts): { form: RecordForm; reasons: string[] } {
  if (rules.fullMinutes === 'always') return { form: 'full-minutes', reasons: ['this area takes full minutes of every conference'] };
  const reasons = hertfordshireFullMinutesReasons(facts);
  return reasons.length > 0 ? { form: 'full-minutes', reasons } : { form: 'chairs-record', reasons: [] };
}

/** RC4: whose consent the English notice names, by the pack's code (translations key on the same code). */
const CONSENT_FROM: Record<OnwardSharingConsent, string> = {
  chair: 'the conference chair',
  'chair-or-lead-professional': 'the conference chair or the lead professional',
};

/** RC4: the notice printed on every record, naming whose consent allows onward sharing. */
export function confidentialityNotice(rules: MeetingRules['record']): string {
  const who = CONSENT_FROM[rules.onwardSharingConsentFrom];
  return (
    'This record is confidential. Do not pass it, or any part of it, to anyone else without the consent of ' +
    `${who}, or an order of a court. Keep it securely under your agency's rules for child protection records.`
  );
}
