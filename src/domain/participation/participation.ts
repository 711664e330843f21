import type { RuleProblem } from '../rules/rule-problem.js';
import { choiceSet } from '../choices.js';

/** IN5: the questions the social worker and chair answer before deciding whether a child attends (000 § 4). */
export const { labels: CHILD_ASSESSMENT_LABELS, values: CHILD_ASSESSMENT_QUESTIONS } = choiceSet({
  understanding: 'Does the child understand enough of what the conference is for?',
  wishExpressed: 'What has the child said, or shown, about taking part?',
  parentsViews: "What do the parents think about the child's attending?",
  benefit: 'Would taking part be good for the child?',
  conflictRisk: 'Is there a risk of conflict with, or blame from, a parent at the meeting?',
});
export type ChildAssessmentQuestion = (typeof CHILD_ASSESSMENT_QUESTIONS)[number];

export const CHILD_WISHES = ['attend', 'not-attend', 'undecided', 'too-young'] as const;
export type ChildWish = (typeof CHILD_WISHES)[number];
export const CHILD_ATTENDANCE = ['all', 'part', 'none'] as const;
export type ChildAttendance = (typeof CHILD_ATTENDANCE)[number];

/** IN5: the other ways a child's views reach the conference. */
export const { labels: VIEWS_ROUTE_LABELS, values: VIEWS_ROUTES } = choiceSet({
  advocate: 'An advocate speaks for them',
  writing: 'In writing, email or text',
  drawings: 'Drawings',
  recording: 'A recording',
  'social-worker': 'The social worker passes them on',
  'pre-meeting-with-chair': 'A meeting with the chair beforehand',
});
export type ViewsRoute = (typeof VIEWS_ROUTES)[number];

export const ADVOCACY_CONSENT = ['given', 'refused', 'not-yet-asked'] as const;
export type AdvocacyConsent = (typeof ADVOCACY_CONSENT)[number];

export interface ChildParticipationInput {
  assessment: Partial<Record<ChildAssessmentQuestion, string>>;
  wish: ChildWish;
  attendance: ChildAttendance;
  viewsRoutes: ViewsRoute[];
  advocacyOfferedOn: string | null;
  advocacyConsent: AdvocacyConsent;
}

/**
 * IN5: a declared wish not to attend is respected, and a child who is not there for all of it
 * has their views brought another way. IN6: the advocacy offer is recorded with its answer.
 */
export function childParticipationProblems(input: ChildParticipationInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const q of CHILD_ASSESSMENT_QUESTIONS) {
    if (!input.assessment[q] || input.assessment[q].trim() === '') problems.push({ field: `assessment_${q}`, message: `Answer: ${CHILD_ASSESSMENT_LABELS[q]}` });
  }
  if (input.wish === 'not-attend' && input.attendance !== 'none') {
    problems.push({ field: 'attendance', message: 'The child has said they do not want to attend: that wish is respected, so choose “does not attend”' });
  }
  if (input.attendance !== 'all' && input.viewsRoutes.length === 0) {
    problems.push({ field: 'viewsRoutes', message: "Say how the child's views will reach the conference" });
  }
  if (input.advocacyConsent !== 'not-yet-asked' && !input.advocacyOfferedOn) {
    problems.push({ field: 'advocacyOfferedOn', message: 'Enter the date the advocate was offered' });
  }
  return problems;
}

/** IN6: refused advocacy is offered again at each review. */
export function advocacyToOfferAgain(consent: AdvocacyConsent, conferenceType: 'initial' | 'review'): boolean {
  return consent === 'not-yet-asked' || (consent === 'refused' && conferenceType === 'review');
}

/** IN8: the social worker's preparation of the family (000 § 3; 003, preparing the family). */
export const { labels: PREPARATION_LABELS, values: PREPARATION_ITEMS } = choiceSet({
  'purpose-explained': 'Explained what the conference is for',
  'attendees-explained': 'Explained who has been invited',
  'process-explained': 'Explained how the meeting works and how to complain',
  'leaflets-given': 'Gave the leaflets for parents and for children',
  'report-shared': 'Shared the social work report',
  'pre-meeting-arranged': 'Arranged to meet the chair before the conference',
  'childcare-arranged': 'Checked childcare is arranged',
  'supporters-discussed': 'Talked about supporters, advocates or a solicitor as supporter',
  'disagreements-noted': 'Noted the points the family disagree with',
});
export type PreparationItem = (typeof PREPARATION_ITEMS)[number];

export const INTERPRETER_RELATIONSHIPS = ['professional', 'family-member', 'friend'] as const;
export type InterpreterRelationship = (typeof INTERPRETER_RELATIONSHIPS)[number];

export interface InterpreterInput {
  needed: boolean;
  name: string;
  relationship: InterpreterRelationship | null;
  accredited: boolean;
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * IN7: an interpreter is a professionally accredited one, never a member of the family (or
 * anyone known to the family), whatever the family prefers. Names of the family are checked too,
 * so a relative typed in as "professional" is still caught.
 */
export function interpreterProblems(input: InterpreterInput, familyNames: readonly string[]): RuleProblem[] {
  if (!input.needed) return [];
  const name = normalise(input.name);
  if (name === '') return [{ field: 'interpreterName', message: 'Enter the name of the interpreter booked' }];
  const isFamily = input.relationship === 'family-member' || familyNames.some((n) => normalise(n) === name);
  if (isFamily) {
    return [{ field: 'interpreterName', message: 'A family member cannot interpret at a conference. Book a professionally accredited interpreter.' }];
  }
  if (input.relationship !== 'professional' || !input.accredited) {
    return [{ field: 'interpreterAccredited', message: 'The interpreter must be professionally accredited and not known to the family' }];
  }
  return [];
}
