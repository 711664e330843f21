import { AUTHOR_DETAIL_LABELS, MARKING_LABELS, REPORT_KIND_LABELS, type ReportKind } from './headings.js';
import type { ReportSection } from './report-content.js';
import type { ConferenceKind } from '../conference/kinds.js';

/** Printed on every page of what the family receives (RP5). */
export const FAMILY_COPY_MARKING = 'Family copy';

export interface FamilyCopySource {
  kind: ReportKind;
  childName: string | null;
  conferenceLabel: string;
  conferenceDate: string;
  /** The conference's kind and ISO date, for a copy written in the family's language (issue 14). */
  conferenceKind?: ConferenceKind | null;
  conferenceOn?: string | null;
  authorDetails: Readonly<Record<string, string>>;
  sections: readonly ReportSection[];
  version: number;
  /** Deliberately accepted and ignored: callers pass the whole report; the copy never reads it. */
  confidentialText?: string | null;
}

export interface FamilyCopyContent {
  marking: typeof FAMILY_COPY_MARKING;
  title: string;
  about: string;
  authorDetails: [string, string][];
  sections: { heading: string; text: string; note: string }[];
  version: number;
  /** The facts a copy in the family's language states of its own: the kind of report, the child, the conference. */
  kind: ReportKind;
  childName: string | null;
  conferenceKind: ConferenceKind | null;
  conferenceOn: string | null;
}

/**
 * What the family sees of a report: every written section with its marking (RP3), and nothing of
 * the confidential section (RP4). Built from an explicit list of fields rather than by removing
 * one, so a field added to reports later stays out of the family copy until someone adds it here.
 */
export function familyCopyContent(source: FamilyCopySource): FamilyCopyContent {
  return {
    marking: FAMILY_COPY_MARKING,
    title: `${REPORT_KIND_LABELS[source.kind]}: ${FAMILY_COPY_MARKING.toLowerCase()}`,
    about: `${source.childName ? `About ${source.childName}. ` : ''}${source.conferenceLabel}, ${source.conferenceDate}`,
    authorDetails: Object.entries(source.authorDetails)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]): [string, string] => [AUTHOR_DETAIL_LABELS[k as keyof typeof AUTHOR_DETAIL_LABELS] ?? k, v]),
    sections: source.sections
      .filter((s) => s.text.trim() !== '')
      .map((s) => ({
        heading: s.heading,
        text: s.text,
        note: [s.marking ? MARKING_LABELS[s.marking] : null, s.secondHand ? 'second-hand information' : null].filter(Boolean).join('; '),
      })),
    version: source.version,
    kind: source.kind,
    childName: source.childName,
    conferenceKind: source.conferenceKind ?? null,
    conferenceOn: source.conferenceOn ?? null,
  };
}
