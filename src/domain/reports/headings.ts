import { choiceSet } from '../choices.js';

/**
 * What each kind of report must cover. The social work report follows RP1
 * (000_94fab553c2db9a47.txt § 6 Information for Conference; 003_16eb1834ae885591.txt, the social
 * work report); agency reports follow the Staffordshire minimum (RP2,
 * 001_fcf727783d989d19.txt, Prior to the Conference and Review Child Protection Conference);
 * the family's own views are RP6.
 */
export const { labels: REPORT_KIND_LABELS, values: REPORT_KINDS } = choiceSet({
  'social-work': 'Social work report',
  agency: 'Agency report',
  'family-views': "The family's own views",
});
export type ReportKind = (typeof REPORT_KINDS)[number];

/** RP3: every contribution says what sort of information it is. */
export const { labels: MARKING_LABELS, values: MARKINGS } = choiceSet({
  fact: 'Fact',
  observation: 'Observation',
  allegation: 'Allegation',
  opinion: 'Opinion',
});
export type Marking = (typeof MARKINGS)[number];

/** RP4: what may be kept from the family, and so belongs in the confidential section. */
export const { labels: CONFIDENTIAL_CATEGORY_LABELS, values: CONFIDENTIAL_CATEGORIES } = choiceSet({
  'police-information': 'Police information',
  'criminal-records': 'Criminal records',
  'third-party': 'Information about a third party',
  'source-protection': 'Protecting the source of information',
  'legal-advice': 'Legal advice',
});
export type ConfidentialCategory = (typeof CONFIDENTIAL_CATEGORIES)[number];

export interface Heading {
  heading: string;
  /** Whether the report cannot be submitted with this heading left empty. */
  required: boolean;
  /** Whether the heading carries a fact/observation/allegation/opinion marking (not the family's own words). */
  marked: boolean;
}

const h = (heading: string, required = true, marked = true): Heading => ({ heading, required, marked });

const SOCIAL_WORK: Heading[] = [
  h('Chronology of significant events and agency contact'),
  h('Family structure (genogram)'),
  h("The child's lived experience"),
  h("The child's developmental needs"),
  h('Parenting capacity'),
  h('Family and environmental factors'),
  h('Wishes and feelings of the child and family'),
  h('Analysis'),
  h("The local authority's recommendation"),
  h('Dates the child was seen, and seen alone'),
];

const SOCIAL_WORK_REVIEW: Heading[] = [
  h('Progress against each point of the previous plan'),
  h('Dates of visits to each child'),
  h('Proposed revisions to the plan'),
];

const AGENCY: Heading[] = [
  h('Details of the children and family known to the agency'),
  h("The agency's involvement with the child and family"),
  h("The child's health and development"),
  h('Other adults known to be involved with the family'),
  h('Other relevant information', false),
  h('Concerns: risks and unmet needs, current and past'),
  h('Strengths and protective factors'),
  h("The child's views, wishes and feelings"),
  h('Parenting capacity'),
  h("Analysis of the implications for the child's safety, health and development"),
];

const AGENCY_REVIEW: Heading[] = [
  h('Involvement since the last conference'),
  h('Outcomes of the work carried out'),
  h('New issues or concerns'),
];

const FAMILY_VIEWS: Heading[] = [h("The family's views, in their own words", true, false)];

/** The headings of a report of this kind, with the review headings added for a review conference. */
export function headingsFor(kind: ReportKind, conferenceType: 'initial' | 'review'): Heading[] {
  const review = conferenceType === 'review';
  if (kind === 'social-work') return review ? [...SOCIAL_WORK, ...SOCIAL_WORK_REVIEW] : [...SOCIAL_WORK];
  if (kind === 'agency') return review ? [...AGENCY, ...AGENCY_REVIEW] : [...AGENCY];
  return [...FAMILY_VIEWS];
}

/** RP2 also asks for who wrote it and how to reach them: taken from the author's account and the conference. */
export const { labels: AUTHOR_DETAIL_LABELS, values: AUTHOR_DETAIL_FIELDS } = choiceSet({
  organisation: 'Organisation',
  author: 'Written by',
  role: 'Role',
  contact: 'Contact details',
  conferenceDate: 'Date of the conference',
});
export type AuthorDetailField = (typeof AUTHOR_DETAIL_FIELDS)[number];
