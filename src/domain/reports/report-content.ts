import type { RuleProblem as FieldError } from '../rules/rule-problem.js';
import { CONFIDENTIAL_CATEGORIES, MARKINGS, headingsFor, type ConfidentialCategory, type Heading, type Marking, type ReportKind } from './headings.js';

export interface ReportSection {
  heading: string;
  text: string;
  marking: Marking | null;
  secondHand: boolean;
}

export interface ConfidentialSection {
  text: string;
  reason: string;
  categories: ConfidentialCategory[];
}

/**
 * `003` the social work report: whether it recommends legal action, and the recommendation in the
 * social worker's words. Stated by the social worker in the report; a recommendation waits for a
 * service manager's agreement before the conference.
 */
export interface LegalActionStatement {
  /** null until the social worker answers. */
  recommended: boolean | null;
  recommendation: string;
}

export interface ReportContent {
  sections: ReportSection[];
  confidential: ConfidentialSection | null;
  /** Social work reports only; absent where the caller does not change it. */
  legalAction?: LegalActionStatement;
}

export const LEGAL_ACTION_RECOMMENDATION_MAX = 4000;

/**
 * `003`: a social work report says whether it recommends legal action (required once the report
 * goes to the chair), and what it recommends when it does. Other kinds of report are not asked.
 */
export function legalActionProblems(kind: ReportKind, statement: LegalActionStatement | undefined, options: { answerRequired: boolean }): FieldError[] {
  if (kind !== 'social-work' || !statement) return [];
  const problems: FieldError[] = [];
  if (statement.recommended === null) {
    if (options.answerRequired) problems.push({ field: 'legalActionRecommended', message: 'Say whether the report recommends legal action' });
  } else if (statement.recommended && statement.recommendation.trim() === '') {
    if (options.answerRequired) problems.push({ field: 'legalActionRecommendation', message: 'Write the recommendation of legal action' });
  }
  if (statement.recommendation.length > LEGAL_ACTION_RECOMMENDATION_MAX) {
    problems.push({ field: 'legalActionRecommendation', message: `Keep the recommendation under ${LEGAL_ACTION_RECOMMENDATION_MAX} characters` });
  }
  return problems;
}

/** Whether a new statement differs from the stored one, so any service manager's answer no longer stands. */
export function legalActionStatementChanged(before: { recommended: boolean | null; recommendation: string | null }, after: LegalActionStatement): boolean {
  return before.recommended !== after.recommended || (after.recommended === true && (before.recommendation ?? '').trim() !== after.recommendation.trim());
}

export const REPORT_STATUSES = ['draft', 'submitted', 'shared'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Field names the form and the errors share: `s3_text`, `s3_marking`. */
export const sectionField = (index: number, part: 'text' | 'marking' | 'secondHand'): string => `s${index}_${part}`;

/**
 * RP4 whenever anything is saved: a confidential section carries its reasons and what kind of
 * information it is, so the chair can decide how it is presented.
 */
export function confidentialProblems(confidential: ConfidentialSection | null): FieldError[] {
  if (!confidential) return [];
  const problems: FieldError[] = [];
  if (confidential.reason.trim() === '') {
    problems.push({ field: 'confidentialReason', message: 'Say why this information cannot be shared with the family' });
  }
  if (confidential.categories.length === 0 || confidential.categories.some((c) => !CONFIDENTIAL_CATEGORIES.includes(c))) {
    problems.push({ field: 'confidentialCategories', message: 'Select what kind of information the confidential section holds' });
  }
  return problems;
}

/** A written contribution with no marking, or a marking that does not exist (RP3). */
function markingProblem(heading: Heading, section: ReportSection, index: number): FieldError | null {
  if (!heading.marked || section.text.trim() === '') return null;
  if (section.marking === null || !MARKINGS.includes(section.marking)) {
    return { field: sectionField(index, 'marking'), message: `Say whether “${heading.heading}” is fact, observation, allegation or opinion` };
  }
  return null;
}

/** Saving a draft: markings and the confidential section are checked; empty headings are allowed. */
export function draftProblems(content: ReportContent): FieldError[] {
  return [...confidentialProblems(content.confidential)];
}

/**
 * Submitting (RP1/RP2/RP3/RP4): every required heading written, every written contribution
 * marked fact, observation, allegation or opinion, and the confidential section explained.
 */
export function submissionProblems(kind: ReportKind, conferenceType: 'initial' | 'review', content: ReportContent, options: { hasFile?: boolean } = {}): FieldError[] {
  const problems: FieldError[] = [];
  // An uploaded document may stand for the written headings of an agency report or the family's
  // own views (RP2, RP6); the social work report is always written here (RP1).
  const fileStandsIn = options.hasFile === true && kind !== 'social-work';
  headingsFor(kind, conferenceType).forEach((heading, index) => {
    const section = content.sections.find((s) => s.heading === heading.heading) ?? { heading: heading.heading, text: '', marking: null, secondHand: false };
    if (heading.required && section.text.trim() === '' && !fileStandsIn) {
      problems.push({ field: sectionField(index, 'text'), message: `Write “${heading.heading}”` });
    }
    const marking = markingProblem(heading, section, index);
    if (marking) problems.push(marking);
  });
  problems.push(...confidentialProblems(content.confidential));
  problems.push(...legalActionProblems(kind, content.legalAction, { answerRequired: true }));
  return problems;
}

/** The sections in heading order, with any heading not yet written as an empty section. */
export function sectionsInOrder(kind: ReportKind, conferenceType: 'initial' | 'review', sections: readonly ReportSection[]): ReportSection[] {
  return headingsFor(kind, conferenceType).map(
    (heading) => sections.find((s) => s.heading === heading.heading) ?? { heading: heading.heading, text: '', marking: null, secondHand: false },
  );
}
