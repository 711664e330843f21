import type { RuleProblem as FieldError } from '../front-door/problems.js';
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

export interface ReportContent {
  sections: ReportSection[];
  confidential: ConfidentialSection | null;
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
  return problems;
}

/** The sections in heading order, with any heading not yet written as an empty section. */
export function sectionsInOrder(kind: ReportKind, conferenceType: 'initial' | 'review', sections: readonly ReportSection[]): ReportSection[] {
  return headingsFor(kind, conferenceType).map(
    (heading) => sections.find((s) => s.heading === heading.heading) ?? { heading: heading.heading, text: '', marking: null, secondHand: false },
  );
}
