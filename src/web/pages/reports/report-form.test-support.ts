import { headingsFor } from '../../../domain/reports/headings.js';
import type { ReportKind } from '../../../domain/reports/headings.js';
import { sectionField } from '../../../domain/reports/report-content.js';

/**
 * Every section of an initial conference's report of this kind filled in, as the report form posts
 * it: each section's text written from its heading, and its marking chosen by its place.
 */
export function initialReportSections(
  kind: ReportKind,
  write: (heading: string) => string,
  marking: (section: number) => string,
): Record<string, string> {
  const form: Record<string, string> = {};
  headingsFor(kind, 'initial').forEach((h, i) => {
    form[sectionField(i, 'text')] = write(h.heading.toLowerCase());
    form[sectionField(i, 'marking')] = marking(i);
  });
  return form;
}
