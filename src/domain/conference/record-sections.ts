import type { MeetingPart } from './meeting-parts.js';
import type { MeetingRules } from './meeting-rules.js';
import type { RecordForm } from './record-rules.js';

/**
 * A section of the record the minute taker writes. `part` ties it to the part of the meeting it
 * reports, so a copy leaves out what its reader was excluded from (EX3); `confidential` sections
 * never go to family members (RP4).
 */
export interface RecordSectionSpec {
  key: string;
  heading: string;
  hint: string;
  part: MeetingPart | null;
  confidential: boolean;
  required: boolean;
}

const CONFIDENTIAL: RecordSectionSpec = {
  key: 'confidential-information',
  heading: 'Confidential information',
  hint: 'Police, third-party or legal information the chair decided is not shared with family members. Leave empty if none.',
  part: 'confidential-information',
  confidential: true,
  required: false,
};

/** RC1 and RC2: the written sections of full minutes or of the chair's record; Pan-Dorset adds the analysis of risk. */
export function recordSectionsFor(form: RecordForm, rules: MeetingRules['record']): RecordSectionSpec[] {
  const risk: RecordSectionSpec = {
    key: 'risk-analysis',
    heading: 'Analysis of risk',
    hint: 'The risks and strengths weighed, and how they bear on the likelihood of significant harm.',
    part: 'analysis',
    confidential: false,
    required: rules.addsRiskDissentsAndContingency,
  };
  if (form === 'chairs-record') {
    return [
      { key: 'summary', heading: 'Summary', hint: "The chair's summary of the conference.", part: 'information', confidential: false, required: true },
      CONFIDENTIAL,
      ...(rules.addsRiskDissentsAndContingency ? [risk] : []),
      { key: 'conclusions', heading: 'Conclusions', hint: "The chair's conclusions.", part: 'analysis', confidential: false, required: true },
      { key: 'recommendations', heading: 'Recommendations', hint: 'Recommendations beyond the decisions.', part: 'decision', confidential: false, required: false },
    ];
  }
  return [
    { key: 'essential-facts', heading: 'Essential facts of the case', hint: 'Why the conference was held and the key facts.', part: 'information', confidential: false, required: true },
    { key: 'opening', heading: 'Opening', hint: 'Introductions, purpose and anything said at the start.', part: 'opening', confidential: false, required: false },
    {
      key: 'information-discussion',
      heading: 'Information shared and discussion',
      hint: 'A summary reflecting each contribution, the family’s included, and the reports of those absent.',
      part: 'information',
      confidential: false,
      required: true,
    },
    CONFIDENTIAL,
    risk,
    { key: 'decision-discussion', heading: 'Views and decision', hint: 'How the views were reached and discussed.', part: 'decision', confidential: false, required: false },
    { key: 'plan-discussion', heading: 'Planning discussion', hint: 'Discussion of the outline plan.', part: 'plan', confidential: false, required: false },
  ];
}

/** Sections that must be written before the chair can approve the record. */
export function missingSections(specs: readonly RecordSectionSpec[], text: Readonly<Record<string, string>>): RecordSectionSpec[] {
  return specs.filter((s) => s.required && (text[s.key] ?? '').trim() === '');
}

/** Who a copy is for, as far as redaction is concerned. */
export interface CopyReader {
  family: boolean;
  excludedParts: readonly MeetingPart[];
  /** EX3: the chair decided an excluded family member gets the whole record (still without confidential sections). */
  wholeRecord: boolean;
}

/** Whether a section (or generated block) tagged with a part goes in this reader's copy (EX3, RC3, RP4). */
export function readerSees(reader: CopyReader, part: MeetingPart | null, confidential: boolean): boolean {
  if (confidential && reader.family) return false;
  if (part === null || reader.wholeRecord) return true;
  return !reader.excludedParts.includes(part);
}

/** The parts left out of this reader's copy, for the distribution log. */
export function redactedPartsFor(reader: CopyReader): MeetingPart[] {
  const parts = new Set<MeetingPart>(reader.wholeRecord ? [] : reader.excludedParts);
  if (reader.family) parts.add('confidential-information');
  return [...parts];
}
